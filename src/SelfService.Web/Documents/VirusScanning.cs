using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using SelfService.Data.Requests;

namespace SelfService.Web.Documents;

/// <param name="Detail">What the scanner said, e.g. the signature found; shown to staff, never the content.</param>
public sealed record ScanResult(DocumentScanStatus Status, string? Detail);

/// <summary>Checks an uploaded file for malware before anyone else can open it.</summary>
public interface IVirusScanner
{
    /// <summary>True when files are really scanned; false means every file is held in quarantine.</summary>
    bool IsConfigured { get; }

    Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default);
}

/// <summary>
/// Used when no scanner is configured: nothing is scanned, so every file is quarantined and stays
/// unshared with staff until a scanner has passed it. Never pretends a file is clean.
/// </summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public bool IsConfigured => false;

    public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ScanResult(DocumentScanStatus.Quarantined, "Not scanned: no virus scanner is configured"));
}

/// <summary>
/// Scans through a ClamAV daemon with its INSTREAM command: "zINSTREAM\0", then chunks each
/// prefixed by a 4-byte big-endian length, then a zero length; clamd answers "stream: OK",
/// "stream: {signature} FOUND" or an error. If clamd cannot be reached the file is quarantined.
/// </summary>
public sealed partial class ClamAvScanner(IOptions<DocumentOptions> options, ILogger<ClamAvScanner> logger) : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;

    public bool IsConfigured => true;

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ClamAvTimeoutSeconds));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.ClamAvHost!, settings.ClamAvPort, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);

            var buffer = new byte[ChunkSize];
            var length = new byte[4];
            int read;
            while ((read = await content.ReadAsync(buffer, timeout.Token)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)read);
                await stream.WriteAsync(length, timeout.Token);
                await stream.WriteAsync(buffer.AsMemory(0, read), timeout.Token);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, timeout.Token);
            await stream.FlushAsync(timeout.Token);

            var reply = await ReadReplyAsync(stream, timeout.Token);
            return Interpret(reply);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogScannerUnavailable(logger, settings.ClamAvHost!, settings.ClamAvPort, ex.Message);
            return new ScanResult(DocumentScanStatus.Quarantined, "Not scanned: the virus scanner could not be reached");
        }
    }

    /// <summary>Reads clamd's zero-terminated reply.</summary>
    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reply = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != 0 && reply.Count < 1024)
        {
            reply.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. reply]).Trim();
    }

    public static ScanResult Interpret(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var verdict = reply.StartsWith("stream:", StringComparison.Ordinal) ? reply["stream:".Length..].Trim() : reply;
        if (verdict == "OK")
        {
            return new ScanResult(DocumentScanStatus.Clean, null);
        }

        if (verdict.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new ScanResult(DocumentScanStatus.Infected, verdict[..^" FOUND".Length]);
        }

        // "INSTREAM size limit exceeded. ERROR" and the like: not known clean, so held back.
        return new ScanResult(DocumentScanStatus.Quarantined, "Not scanned: " + verdict);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Virus scanner at {Host}:{Port} could not scan a file ({Reason}); the file is quarantined")]
    private static partial void LogScannerUnavailable(ILogger logger, string host, int port, string reason);
}
