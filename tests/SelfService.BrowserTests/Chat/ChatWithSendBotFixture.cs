using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests.Chat;

/// <summary>
/// The app as deployed, with its own bot (not the protocol tests' one), for the tests that
/// change the demo family's cases: a separate app, so the shared one keeps its demo data as seeded.
/// </summary>
public sealed class ChatWithSendBotFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SELFSERVICE_CHROMIUM") ?? BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.Origin, Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChatWithSendBot : ICollectionFixture<ChatWithSendBotFixture>
{
    public const string Name = "Chat with the SEND bot";
}
