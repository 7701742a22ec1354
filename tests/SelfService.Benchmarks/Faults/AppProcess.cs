using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// The real app as a separate process (the built SelfService.Web.dll run by <c>dotnet</c>, from the
/// web project's folder as <c>dotnet run</c> does), so a fault can kill it outright. It keeps its
/// port, data folder and settings across restarts, as a service manager would restart it.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly string _contentRoot;
    private readonly Dictionary<string, string> _settings;
    private readonly string _log;
    private Process? _process;
    private StreamWriter? _logWriter;

    public AppProcess(string configuration, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        _contentRoot = Path.GetFullPath(Path.Combine("src", "SelfService.Web"));
        _dll = Path.Combine(_contentRoot, "bin", configuration, "net10.0", "SelfService.Web.dll");
        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException($"Build the app first ({configuration}): {_dll} is missing.", _dll);
        }

        DataDirectory = dataDirectory;
        Directory.CreateDirectory(dataDirectory);
        Port = FreePort();
        Root = new Uri($"http://127.0.0.1:{Port}");
        _log = Path.Combine(dataDirectory, "app.log");
        _settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = Root.ToString(),
            ["DataDirectory"] = dataDirectory,
            ["DemoData__SeedOnFirstRun"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            // Every client signs in from loopback; the per-network limits are not what is tested.
            ["SignIn__MaxCodesPerIp"] = "100000",
            ["SignIn__MaxAttemptsPerIp"] = "100000",
            ["SignIn__MaxCodesPerAddress"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public Uri Root { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>Development writes email here when no SMTP host is set.</summary>
    public string Pickup => Path.Combine(DataDirectory, "mail-pickup");

    public int Starts { get; private set; }

    /// <summary>Starts the process and waits until <c>/health/ready</c> says Healthy.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet", [_dll])
        {
            WorkingDirectory = _contentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _settings)
        {
            info.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        // One writer per run of the process: the old one's output has ended with the process.
        _process?.Dispose();
        if (_logWriter is not null)
        {
            await _logWriter.DisposeAsync();
        }

        var log = _logWriter = new StreamWriter(_log, append: true) { AutoFlush = true };
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        Starts++;
        await log.WriteLineAsync($"--- start {Starts} at {DateTime.UtcNow:O}, pid {_process.Id}");
        var process = _process;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting; see {_log}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Root, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app was not ready within the time allowed; see {_log}.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing finishes.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM and wait, as a service manager stops it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        if (_logWriter is not null)
        {
            await _logWriter.DisposeAsync();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A line from a process already replaced by its restart: nothing to keep it for.
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
