using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SelfService.Web.Tests.Support;

/// <summary>
/// A real SMTP server (aiosmtpd, <c>tests/smtp/recording_smtpd.py</c>) on a loopback port of its
/// own, saving what it receives to a folder read through <see cref="Mailbox"/>. It can be stopped
/// and started again on the same port, to test delivery while the mail server is down.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    /// <summary>Debian's Python, which has python3-aiosmtpd; override with SELFSERVICE_TEST_PYTHON.</summary>
    private static readonly string Python = Environment.GetEnvironmentVariable("SELFSERVICE_TEST_PYTHON") is { Length: > 0 } custom ? custom : "/usr/bin/python3";

    private Process? _process;

    public RecordingSmtpServer()
    {
        Port = FreeLoopbackPort();
        Folder = Path.Combine(Path.GetTempPath(), "selfservice-smtp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Mailbox = new Mailbox(Folder);
    }

    public static string Host => "127.0.0.1";

    public int Port { get; }

    public string Folder { get; }

    public Mailbox Mailbox { get; }

    /// <summary>Settings pointing the app at this server.</summary>
    public IEnumerable<KeyValuePair<string, string>> AppSettings =>
    [
        new("Email:Smtp:Host", Host),
        new("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>A server with its port and folder chosen, not yet listening (to test the app while mail is down).</summary>
    public static RecordingSmtpServer CreateStopped() => new();

    public static async Task<RecordingSmtpServer> StartNewAsync()
    {
        var server = new RecordingSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The SMTP server is already running.");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Script(), "--host", Host, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", Folder })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            await StopAsync();
            throw new InvalidOperationException(
                $"The test SMTP server did not start (is python3-aiosmtpd installed? scripts/smtp.sh install): {line}\n{await stderr}");
        }
    }

    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Script()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("The repository root (with SelfService.sln) was not found.")
            : Path.Combine(directory.FullName, "tests", "smtp", "recording_smtpd.py");
    }
}
