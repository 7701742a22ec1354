using Microsoft.Extensions.Options;
using SelfService.Web.Documents;

namespace SelfService.Web.Enquiries;

/// <param name="Evidence">The stored file, or null when none was chosen or it was refused.</param>
/// <param name="Error">Why the file was refused, in words for the error summary.</param>
public sealed record EvidenceUpload((string FileName, string StoredName)? Evidence, string? Error);

/// <summary>
/// Evidence of a constituent's consent (a signed form, an email saved as PDF), checked like every
/// other upload: size, a type its content proves, and the virus scanner.
/// </summary>
public sealed class ConsentEvidenceUploads(DocumentStorage storage, IVirusScanner scanner, IOptions<DocumentOptions> options)
{
    public const string Field = "Evidence";

    public string MaxFileSizeText => $"{options.Value.MaxFileSizeMegabytes} MB";

    public async Task<EvidenceUpload> ReceiveAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return new(null, null);
        }

        var name = DocumentUploads.SafeFileName(file.FileName);
        if (file.Length == 0)
        {
            return new(null, $"{name} is empty");
        }

        if (file.Length > options.Value.MaxFileBytes)
        {
            return new(null, $"{name} must be smaller than {options.Value.MaxFileSizeMegabytes} MB");
        }

        var byName = DocumentType.FromExtension(name);
        if (byName is null)
        {
            return new(null, $"{name} must be a {DocumentType.AcceptedList}");
        }

        await using var incoming = await storage.ReceiveAsync(file.OpenReadStream(), cancellationToken);
        var byContent = DocumentType.Detect(incoming.Content);
        if (byContent is null || byContent != byName || !DocumentType.ClaimAgrees(byContent.Value, file.ContentType))
        {
            return new(null, $"{name} is not a real {DocumentType.AcceptedList} file. Check the file and upload it again");
        }

        incoming.Content.Position = 0;
        var scan = await scanner.ScanAsync(incoming.Content, cancellationToken);
        if (scan.Status == Data.Requests.DocumentScanStatus.Infected)
        {
            return new(null, $"{name} contains a virus. Check your device and upload a clean copy");
        }

        var stored = await storage.KeepAsync(incoming, Guid.NewGuid(), scan.Status, cancellationToken);
        return new((name, stored), null);
    }

    public void Discard(EvidenceUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Evidence is { } evidence)
        {
            storage.Delete(evidence.StoredName);
        }
    }
}
