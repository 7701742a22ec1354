using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>A test with its own browser context on the shared app and browser; screenshots on failure.</summary>
[Collection(SharedBrowser.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IPage? _page;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    public async Task InitializeAsync() => _page = await Fixture.NewPageAsync();

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    /// <summary>The test's steps, with a screenshot into the results folder if any of them fails.</summary>
    protected Task StepsAsync(Func<Task> steps, [CallerMemberName] string test = "") =>
        Evidence.OnFailureScreenshotAsync(Page, steps, GetType().Name + "." + test);
}
