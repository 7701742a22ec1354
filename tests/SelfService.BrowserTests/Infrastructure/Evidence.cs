using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>A screenshot of the page when a browser test fails, so the failure can be seen.</summary>
public static class Evidence
{
    /// <summary>
    /// The test results folder: <c>SELFSERVICE_TEST_RESULTS</c> when set (CI), otherwise
    /// <c>TestResults/browser</c> beside the test assembly.
    /// </summary>
    public static string ResultsDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("SELFSERVICE_TEST_RESULTS") is { Length: > 0 } set
            ? set
            : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "browser");

    /// <summary>Runs <paramref name="steps"/>; on failure saves a full-page screenshot and rethrows.</summary>
    public static async Task OnFailureScreenshotAsync(IPage page, Func<Task> steps, [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var path = Path.Combine(ResultsDirectory, $"{test}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            try
            {
                Directory.CreateDirectory(ResultsDirectory);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            }
            catch (PlaywrightException)
            {
                // A closed page cannot be photographed; the original failure still matters more.
                path = "(none: the page could not be captured)";
            }

            throw new BrowserTestFailedException($"{failure.Message}\nScreenshot: {path}\nPage: {page.Url}", failure);
        }
    }
}

public sealed class BrowserTestFailedException : Exception
{
    public BrowserTestFailedException()
    {
    }

    public BrowserTestFailedException(string message)
        : base(message)
    {
    }

    public BrowserTestFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
