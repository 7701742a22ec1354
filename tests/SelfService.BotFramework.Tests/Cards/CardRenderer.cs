using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SelfService.BotFramework.Tests.Cards;

/// <summary>
/// The Adaptive Cards renderer Web Chat 4.18.1 bundles (adaptivecards 3.0.6, from npm), run in
/// Node to parse a card for schema 1.5. Installed on first use from the lock file beside it.
/// </summary>
public sealed class CardRenderer
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string Folder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "SelfService.BotFramework.Tests", "Cards", "renderer");
                if (File.Exists(Path.Combine(candidate, "check-card.js")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("Cannot find tests/SelfService.BotFramework.Tests/Cards/renderer above the test output folder.");
        }
    }

    /// <summary>Every complaint the renderer has about the card; empty when it parses cleanly.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var folder = Folder;
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards")))
            {
                var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund", folder, null);
                Assert.True(code == 0, $"npm ci failed in {folder}:\n{output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }

        var (exit, lines) = await RunAsync("node", "check-card.js", folder, card.ToJsonString());
        var events = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 0 || events.Length > 0, $"The card check script failed:\n{lines}");
        return events;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string folder, string? input)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        var error = await stderr;
        return (process.ExitCode, (await stdout) + (error.Contains("ERR", StringComparison.Ordinal) || error.Contains("Error", StringComparison.Ordinal) ? error : string.Empty));
    }
}
