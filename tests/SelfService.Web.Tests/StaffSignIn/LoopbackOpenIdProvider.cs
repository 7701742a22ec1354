using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>An account at the loopback provider: what its ID tokens say about the person.</summary>
public sealed record ProviderAccount(string Login, string Email, string Name, string[]? Roles = null, string[]? Groups = null);

/// <summary>
/// A real OpenID Provider (npm oidc-provider, <c>tests/oidc/provider.mjs</c>) in a Node process on
/// a free loopback port. The first test to need it installs it from package-lock.json (npm ci),
/// once, whichever test project gets there first.
/// </summary>
public sealed class LoopbackOpenIdProvider : IAsyncDisposable
{
    public const string DefaultClientId = "selfservice-staff";

    public const string DefaultClientSecret = "loopback-client-secret";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private LoopbackOpenIdProvider(Process process, Uri issuer, StringBuilder output)
    {
        _process = process;
        Issuer = issuer;
        _output = output;
    }

    /// <summary>The issuer, which is also the base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Issuer { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LoopbackOpenIdProvider> StartAsync(
        IEnumerable<ProviderAccount> accounts,
        IEnumerable<string> redirectUris,
        IEnumerable<string> postLogoutRedirectUris,
        string clientId = DefaultClientId,
        string clientSecret = DefaultClientSecret)
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "oidc");
        await InstallAsync(directory);

        var start = new ProcessStartInfo("node", "provider.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OIDC_PORT"] = "0";
        start.Environment["OIDC_CLIENT_ID"] = clientId;
        start.Environment["OIDC_CLIENT_SECRET"] = clientSecret;
        start.Environment["OIDC_REDIRECT_URIS"] = string.Join(' ', redirectUris);
        start.Environment["OIDC_POST_LOGOUT_REDIRECT_URIS"] = string.Join(' ', postLogoutRedirectUris);
        start.Environment["OIDC_ACCOUNTS"] = JsonSerializer.Serialize(
            accounts.Select(a => new { login = a.Login, email = a.Email, name = a.Name, roles = a.Roles, groups = a.Groups }));
        start.Environment["OIDC_TEST_CONTROL"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Collect(e.Data, output, ready);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, output, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var issuer = await ready.Task.WaitAsync(timeout.Token);
            return new LoopbackOpenIdProvider(process, issuer, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The loopback OpenID Provider did not start:\n{output}");
        }
    }

    /// <summary>Makes the provider alter the ID tokens it issues from now on (issuer, audience, nonce, signature, expired, azp), or stop ("none").</summary>
    public async Task TamperAsync(string mode)
    {
        using var client = new HttpClient();
        using var content = new FormUrlEncodedContent([new("mode", mode)]);
        using var response = await client.PostAsync(new Uri(Issuer, "/test/tamper"), content);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing standard input is the provider's cue to stop.
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Collect(string? line, StringBuilder output, TaskCompletionSource<Uri>? ready)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (ready is not null && line.StartsWith("listening ", StringComparison.Ordinal))
        {
            ready.TrySetResult(new Uri(line["listening ".Length..].Trim()));
        }
    }

    /// <summary>npm ci when node_modules is missing or older than the lock file, under a lock file shared by every test process.</summary>
    private static async Task InstallAsync(string directory)
    {
        var stamp = Path.Combine(directory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(directory, "package-lock.json");
        using var exclusive = await LockAsync(Path.Combine(Path.GetTempPath(), "selfservice-oidc-npm.lock"));
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --prefer-offline")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {directory}:\n{await stdout}\n{await stderr}");
        }

        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow);
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with SelfService.sln) was not found.");
    }
}
