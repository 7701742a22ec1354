using System.Globalization;
using Microsoft.Extensions.Options;
using SelfService.Data.Casework;
using SelfService.Data.Requests;

namespace SelfService.Web.Documents;

/// <summary>The file kept, or what is wrong with it in words for the error summary; neither when no file was chosen.</summary>
public sealed record FileIntakeResult(StoredFile? File, string? Error)
{
    public static readonly FileIntakeResult Nothing = new(null, null);
}

/// <summary>
/// Takes one uploaded file through every check, whoever uploads it: not empty, not too big,
/// content of an accepted type that agrees with the name and the claimed type, and the virus
/// scan; then keeps it under a name the service chose.
/// </summary>
public sealed class FileIntake(DocumentStorage storage, IVirusScanner scanner, IOptions<DocumentOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public string MaxFileSizeText => string.Create(CultureInfo.InvariantCulture, $"{options.Value.MaxFileSizeMegabytes} MB");

    public string TooLargeMessage => $"The file must be smaller than {MaxFileSizeText}";

    public bool ScannerConfigured => scanner.IsConfigured;

    public static bool IsChosen(IFormFile? file) => file is not null && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName));

    public async Task<FileIntakeResult> ReceiveAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!IsChosen(file))
        {
            return FileIntakeResult.Nothing;
        }

        var name = DocumentUploads.SafeFileName(file!.FileName);
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

        if (byContent != byName || !DocumentType.ClaimAgrees(byContent.Value, file.ContentType))
        {
            return new(null, $"{name} is not the type of file its name says. Save it as a {DocumentType.AcceptedList} and upload it again");
        }

        incoming.Content.Position = 0;
        var scan = await scanner.ScanAsync(incoming.Content, cancellationToken);
        if (scan.Status == DocumentScanStatus.Infected)
        {
            // Not kept: the person is told and can send a clean copy.
            return new(null, $"{name} contains a virus. Check your device and upload a clean copy");
        }

        var stored = await storage.KeepAsync(incoming, Guid.NewGuid(), scan.Status, cancellationToken);
        return new(new StoredFile(name, stored, byContent.Value, DocumentType.ContentTypeOf(byContent.Value), incoming.Size, incoming.Sha256, scan.Status, scan.Detail), null);
    }

    /// <summary>Removes a kept file whose record was never stored.</summary>
    public void Discard(string storedName) => storage.Delete(storedName);

    public Stream OpenRead(string storedName) => storage.OpenRead(storedName);
}
