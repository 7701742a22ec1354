using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Web.Identity;
using SelfService.Web.Tests.Support;

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
        // Each test signs Helen in afresh; the per-address limit on codes is for attackers, not these tests.
        App.ConfigureTestServices(services => services.Configure<SignInOptions>(o => o.MaxCodesPerAddress = 50));
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

    /// <summary>Signs in as <paramref name="email"/> on the sign-in pages, with the code from the email the app sent.</summary>
    public async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        var code = await PortalAccounts.RequestCodeAsync(page, new Mailbox(App.MailPickupDirectory), email);
        await PortalAccounts.EnterCodeAsync(page, code);
        await Assertions.Expect(page.Locator("#signed-in-as")).ToContainTextAsync(email);
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
