using System.Diagnostics;

namespace SelfService.Web.Tests.Support;

/// <summary>Node scripts the tests run, and their packages installed once from package-lock.json.</summary>
internal static class NodeScripts
{
    /// <summary>
    /// npm ci only when node_modules is missing or older than the lock file, under a lock file
    /// shared by every test process (two installs into one folder at once break each other).
    /// </summary>
    public static async Task InstallAsync(string directory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        using var exclusive = await LockAsync(Path.Combine(Path.GetTempPath(), $"selfservice-npm-{name}.lock"));
        var stamp = Path.Combine(directory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(directory, "package-lock.json");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], directory);
        Assert.True(exitCode == 0, $"npm ci failed in {directory}:\n{output}");
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish within 5 minutes.\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
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
}
