using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SelfService.Data.Requests;
using SelfService.Web.Hosting;

namespace SelfService.Web.Documents;

/// <summary>
/// Files on disk under the documents folder: <c>clean/</c> for scanned-clean files, <c>quarantine/</c>
/// for everything else (unscanned, unscannable, infected), so a folder shared with staff tools can
/// never hold an unscanned file. Names on disk are chosen here, never by the uploader.
/// </summary>
public sealed class DocumentStorage
{
    public const string CleanFolder = "clean";
    public const string QuarantineFolder = "quarantine";
    private const string IncomingFolder = "incoming";

    public DocumentStorage(IOptions<DocumentOptions> options, AppPaths paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        Root = Path.GetFullPath(options.Value.Directory, paths.DataDirectory);
        foreach (var folder in new[] { CleanFolder, QuarantineFolder, IncomingFolder })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
        }
    }

    public string Root { get; }

    /// <summary>Copies an upload to a private temporary file, hashing it on the way.</summary>
    public async Task<IncomingFile> ReceiveAsync(Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = Path.Combine(Root, IncomingFolder, Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            long size = 0;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new IncomingFile(file, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Keeps the received file as <paramref name="documentId"/> in the folder its scan result allows.</summary>
    /// <returns>The stored name, relative to the documents folder.</returns>
    public async Task<string> KeepAsync(IncomingFile incoming, Guid documentId, DocumentScanStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var storedName = $"{(status == DocumentScanStatus.Clean ? CleanFolder : QuarantineFolder)}/{documentId:N}";
        var target = PathOf(storedName);
        incoming.Content.Position = 0;
        await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await incoming.Content.CopyToAsync(output, cancellationToken);
        }

        return storedName;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public bool Exists(string storedName) => File.Exists(PathOf(storedName));

    public Stream OpenRead(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    private string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storedName));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("A stored name must stay inside the documents folder.", nameof(storedName));
    }
}

/// <summary>An upload held in a temporary file that deletes itself when disposed.</summary>
public sealed class IncomingFile(FileStream content, long size, string sha256) : IAsyncDisposable
{
    public FileStream Content { get; } = content;

    public long Size { get; } = size;

    public string Sha256 { get; } = sha256;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
