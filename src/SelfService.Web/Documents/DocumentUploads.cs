using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SelfService.Data.Requests;
using SelfService.Domain.Requests;

namespace SelfService.Web.Documents;

/// <summary>The outcome of one upload: the stored document, or what is wrong with the file in words for the page.</summary>
public sealed record UploadResult(RequestDocument? Document, string? Error);

/// <summary>
/// Takes one uploaded file through every check: present, not empty, not too big, content of an
/// accepted type that agrees with the name and claimed type, scanned; then stores it and its metadata.
/// </summary>
public sealed class DocumentUploads(DocumentStorage storage, IVirusScanner scanner, RequestDraftStore drafts, IOptions<DocumentOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public string MaxFileSizeText => string.Create(CultureInfo.InvariantCulture, $"{options.Value.MaxFileSizeMegabytes} MB");

    public bool ScannerConfigured => scanner.IsConfigured;

    public async Task<UploadResult> UploadAsync(RequestDraft draft, IFormFile? file, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return new(null, "Select a file to upload");
        }

        var name = SafeFileName(file.FileName);
        if (file.Length == 0)
        {
            return new(null, $"{name} is empty");
        }

        if (file.Length > MaxFileBytes)
        {
            return new(null, $"{name} must be smaller than {MaxFileSizeText}");
        }

        var byName = DocumentType.FromExtension(name);
        if (byName is null)
        {
            return new(null, $"{name} must be a {DocumentType.AcceptedList}");
        }

        await using var incoming = await storage.ReceiveAsync(file.OpenReadStream(), cancellationToken);
        var byContent = DocumentType.Detect(incoming.Content);
        if (byContent is null)
        {
            return new(null, $"{name} is not a real {DocumentType.AcceptedList} file. Check the file and upload it again");
        }

        if (!SameType(byContent.Value, byName.Value) || !DocumentType.ClaimAgrees(byContent.Value, file.ContentType))
        {
            return new(null, $"{name} is not the type of file its name says. Save it as a {DocumentType.AcceptedList} and upload it again");
        }

        incoming.Content.Position = 0;
        var scan = await scanner.ScanAsync(incoming.Content, cancellationToken);
        if (scan.Status == DocumentScanStatus.Infected)
        {
            // Not kept with the request: the person is told and can send a clean copy.
            return new(null, $"{name} contains a virus. Check your device and upload a clean copy");
        }

        var id = Guid.NewGuid();
        var stored = await storage.KeepAsync(incoming, id, scan.Status, cancellationToken);
        var document = new RequestDocument(id, draft.Id, name, stored, byContent.Value, DocumentType.ContentTypeOf(byContent.Value), incoming.Size, incoming.Sha256, nowUtc);
        document.RecordScan(scan.Status, scan.Detail);
        try
        {
            await drafts.AddDocumentAsync(draft, document, actor, nowUtc, cancellationToken);
        }
        catch
        {
            storage.Delete(stored);
            throw;
        }

        return new(document, null);
    }

    public async Task<bool> RemoveAsync(RequestDraft draft, Guid documentId, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var removed = await drafts.RemoveDocumentAsync(draft, documentId, actor, nowUtc, cancellationToken);
        if (removed is null)
        {
            return false;
        }

        storage.Delete(removed.StoredName);
        return true;
    }

    public void DeleteFiles(IEnumerable<RequestDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            storage.Delete(document.StoredName);
        }
    }

    /// <summary>
    /// The name as shown back: no folders, no control or reserved characters, at most
    /// <see cref="RequestDocument.FileNameLength"/> characters with the extension kept.
    /// </summary>
    public static string SafeFileName(string? uploaded)
    {
        var name = (uploaded ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in Normalized(name))
        {
            clean.Append(char.IsControl(c) || "<>:\"|?*".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var whole = AnswerFormats.Tidy(clean.ToString()) ?? string.Empty;
        var extension = Path.GetExtension(whole);
        var stem = whole[..^extension.Length].Trim('.', ' ');
        var tidy = (stem.Length == 0 ? "document" : stem) + extension;

        if (tidy.Length > RequestDocument.FileNameLength)
        {
            extension = extension.Length > 10 ? string.Empty : extension;
            var keep = RequestDocument.FileNameLength - extension.Length;
            // Never keep half of a surrogate pair: the database would refuse the name.
            keep -= char.IsHighSurrogate(tidy[keep - 1]) ? 1 : 0;
            tidy = tidy[..keep] + extension;
        }

        return tidy;
    }

    /// <summary>
    /// Composed form, with what is not text at all (a lone surrogate; the noncharacters U+FFFE and
    /// U+FFFF, which a multipart header can carry) made '_' first, since the normaliser throws on them.
    /// </summary>
    private static string Normalized(string name)
    {
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                text.Append(name[i]).Append(name[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(name[i]) || name[i] >= '\uFFFE' ? '_' : name[i]);
            }
        }

        try
        {
            return text.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text.ToString();
        }
    }

    private static bool SameType(DocumentKind content, DocumentKind name) => content == name;
}
