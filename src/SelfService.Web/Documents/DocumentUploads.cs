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
}
