namespace SelfService.Data.Requests;

/// <summary>The file types a request accepts; each is recognised by its content, not its name.</summary>
public enum DocumentKind
{
    Pdf,
    Word,
    WordLegacy,
    Jpeg,
    Png,
}

public enum DocumentScanStatus
{
    /// <summary>Stored, not yet scanned.</summary>
    Pending,

    Clean,

    /// <summary>The scanner found something; the file is kept for investigation, never shared.</summary>
    Infected,

    /// <summary>Could not be scanned (no scanner configured, or it failed); held back from staff until scanned.</summary>
    Quarantined,
}

/// <summary>
/// A file uploaded with a request: its metadata here, its content in the document store under
/// <see cref="StoredName"/>. The case id is set when the request is sent.
/// </summary>
public sealed class RequestDocument
{
    public const int FileNameLength = 200;

    public RequestDocument(Guid id, Guid draftId, string fileName, string storedName, DocumentKind kind, string contentType, long sizeBytes, string sha256, DateTime uploadedAtUtc)
    {
        Id = id;
        DraftId = draftId;
        FileName = fileName;
        StoredName = storedName;
        Kind = kind;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid DraftId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The name shown to people: the uploaded name, made safe.</summary>
    public string FileName { get; private set; }

    /// <summary>The name on disk: chosen by the service, never by the uploader.</summary>
    public string StoredName { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content, to prove later that the file is unchanged.</summary>
    public string Sha256 { get; private set; }

    public DocumentScanStatus ScanStatus { get; private set; }

    public string? ScanDetail { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Only clean files may be shown to staff or advisers.</summary>
    public bool IsShareable => ScanStatus == DocumentScanStatus.Clean;

    public void RecordScan(DocumentScanStatus status, string? detail)
    {
        ScanStatus = status;
        ScanDetail = detail is { Length: > 200 } ? detail[..200] : detail;
    }

    public void AttachToCase(Guid caseId) => CaseId = caseId;
}
