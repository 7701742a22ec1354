using SelfService.Data.Requests;
using SelfService.Domain.Assessments;

namespace SelfService.Data.Casework;

/// <summary>A document the council added to a case after the request: advice and the draft plan.</summary>
public sealed class CaseDocument
{
    public CaseDocument(Guid id, Guid caseId, CaseDocumentKind kind, Guid? adviceRequestId, StoredFile file, string uploadedBy, DateTime uploadedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        Id = id;
        CaseId = caseId;
        Kind = kind;
        AdviceRequestId = adviceRequestId;
        FileName = file.FileName;
        StoredName = file.StoredName;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        Sha256 = file.Sha256;
        ScanStatus = file.ScanStatus;
        UploadedBy = uploadedBy;
        UploadedAtUtc = uploadedAtUtc;
    }

    private CaseDocument()
    {
        FileName = StoredName = ContentType = Sha256 = UploadedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseDocumentKind Kind { get; private set; }

    /// <summary>The request for advice this report answers; null for a draft plan.</summary>
    public Guid? AdviceRequestId { get; private set; }

    public string FileName { get; private set; }

    public string StoredName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public DocumentScanStatus ScanStatus { get; private set; }

    /// <summary>The caseworker's email, or "adviser:" and the invited adviser's email.</summary>
    public string UploadedBy { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>
    /// A file from outside (advice) must have passed the virus scan before anyone downloads it. The
    /// draft plan is the council's own document, served by a caseworker: shared unless the scanner
    /// found something, so a council without a scanner can still serve drafts (ADR 0024).
    /// </summary>
    public bool IsShareable => ScanStatus == DocumentScanStatus.Clean
        || (Kind == CaseDocumentKind.DraftPlan && ScanStatus != DocumentScanStatus.Infected);
}
