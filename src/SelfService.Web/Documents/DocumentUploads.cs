using System.Globalization;
using System.Text;
using SelfService.Data.Requests;
using SelfService.Domain.Requests;

namespace SelfService.Web.Documents;

/// <summary>The outcome of one upload: the stored document, or what is wrong with the file in words for the page.</summary>
public sealed record UploadResult(RequestDocument? Document, string? Error);

/// <summary>Documents sent with a request: each file through <see cref="FileIntake"/>, then kept with the draft.</summary>
public sealed class DocumentUploads(FileIntake intake, DocumentStorage storage, RequestDraftStore drafts)
{
    public long MaxFileBytes => intake.MaxFileBytes;

    public string MaxFileSizeText => intake.MaxFileSizeText;

    public bool ScannerConfigured => intake.ScannerConfigured;

    public async Task<UploadResult> UploadAsync(RequestDraft draft, IFormFile? file, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var received = await intake.ReceiveAsync(file, cancellationToken);
        if (received.File is not { } kept)
        {
            return new(null, received.Error ?? "Select a file to upload");
        }

        var document = new RequestDocument(Guid.NewGuid(), draft.Id, kept.FileName, kept.StoredName, kept.Kind, kept.ContentType, kept.SizeBytes, kept.Sha256, nowUtc);
        document.RecordScan(kept.ScanStatus, kept.ScanDetail);
        try
        {
            await drafts.AddDocumentAsync(draft, document, actor, nowUtc, cancellationToken);
        }
        catch
        {
            intake.Discard(kept.StoredName);
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
        foreach (var c in name.Normalize(NormalizationForm.FormC))
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
            tidy = tidy[..(RequestDocument.FileNameLength - extension.Length)] + extension;
        }

        return tidy;
    }
}
