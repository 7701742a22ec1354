using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Data.DemoData;
using SelfService.Web.Api;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Tests.StaffSignIn;

namespace SelfService.BrowserTests;

/// <summary>
/// Staff sign in through the council's identity provider in real Chromium: the loopback OpenID
/// Provider's own login page, back to the staff home with the role the token gave, and out again
/// at both ends.
/// </summary>
public sealed class StaffSignInTests(StaffSignInBrowserFixture fixture) : IClassFixture<StaffSignInBrowserFixture>, IAsyncLifetime
{
    private IPage? _page;

    private IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    public async Task InitializeAsync() => _page = await fixture.NewPageAsync();

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    [Fact]
    public Task A_caseworker_signs_in_at_the_providers_login_page_and_lands_on_the_staff_home_as_a_caseworker() => Evidence.OnFailureScreenshotAsync(Page, async () =>
    {
        await Page.GotoAsync("/staff");

        await SignInAtProviderAsync(DemoCast.CaseworkerEmail);

        await Page.WaitForURLAsync(fixture.Origin + "/staff");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("SEND service");
        await Assertions.Expect(Page.Locator(".govuk-caption-l")).ToHaveTextAsync("Daniel Price");
        var viewer = await ViewerAsync();
        Assert.Equal("Caseworker", viewer.GetProperty("staffRole").GetString());
        Assert.Equal(DemoCast.CaseworkerId, viewer.GetProperty("staffMemberId").GetGuid());
    }, nameof(StaffSignInTests) + ".Caseworker");

    [Fact]
    public Task A_service_manager_is_mapped_from_the_token_and_signing_out_ends_both_sessions() => Evidence.OnFailureScreenshotAsync(Page, async () =>
    {
        await Page.GotoAsync("/staff/sign-in");
        await SignInAtProviderAsync(DemoCast.ServiceManagerEmail);
        await Page.WaitForURLAsync(fixture.Origin + "/staff");
        Assert.Equal("ServiceManager", (await ViewerAsync()).GetProperty("staffRole").GetString());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync(fixture.Origin + "/staff/sign-out");
        await Accessibility.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The provider asks before ending its own session, then sends the browser back.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Page.WaitForURLAsync(fixture.Origin + "/staff/signed-out");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await Accessibility.AssertNoViolationsAsync(Page);
        Assert.False((await ViewerAsync()).GetProperty("isSignedIn").GetBoolean());

        // Neither end remembers the person: the staff home leads to the provider's login page again.
        await Page.GotoAsync("/staff");
        await Page.WaitForURLAsync(fixture.Provider.Issuer.GetLeftPart(UriPartial.Authority) + "/interaction/**");
        await Assertions.Expect(Page.Locator("input[name=login]")).ToBeVisibleAsync();
    }, nameof(StaffSignInTests) + ".ServiceManager");

    [Fact]
    public Task Someone_without_a_SEND_role_sees_an_accessible_refusal_page() => Evidence.OnFailureScreenshotAsync(Page, async () =>
    {
        await Page.GotoAsync("/staff/sign-in");
        await SignInAtProviderAsync(StaffSignInBrowserFixture.NoRoleEmail);

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You do not have access to the SEND service");
        await Assertions.Expect(Page.Locator("a#retry")).ToHaveAttributeAsync("href", "/staff/sign-in");
        await Accessibility.AssertNoViolationsAsync(Page);
        Assert.False((await ViewerAsync()).GetProperty("isSignedIn").GetBoolean());
    }, nameof(StaffSignInTests) + ".NoRole");

    private Task SignInAtProviderAsync(string login) => fixture.SignInAtProviderAsync(Page, login);

    /// <summary>The viewer the app builds for this browser's session, from a test-only endpoint.</summary>
    private async Task<JsonElement> ViewerAsync()
    {
        var response = await Page.Context.APIRequest.GetAsync(fixture.Origin + StaffSignInBrowserFixture.ViewerPath);
        Assert.True(response.Ok, $"The viewer endpoint answered {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}

/// <summary>
/// The app on Kestrel (Development, demo cast seeded) with staff sign-in pointed at a loopback
/// OpenID Provider, and one headless Chromium. The app's port is chosen first because the provider
/// must know the redirect URIs when it starts.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync.")]
public sealed class StaffSignInBrowserFixture : IAsyncLifetime
{
    public const string ViewerPath = "/api/test/staff-viewer";

    public const string NoRoleEmail = "finance.officer@example.com";

    private LoopbackOpenIdProvider? _provider;
    private AppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LoopbackOpenIdProvider Provider => _provider ?? throw new InvalidOperationException("Not started.");

    public string Origin { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Origin = $"http://127.0.0.1:{port}";
        _provider = await LoopbackOpenIdProvider.StartAsync(
            [
                new(DemoCast.CaseworkerEmail, DemoCast.CaseworkerEmail, "Daniel Price", Roles: ["SEND.Caseworker"]),
                new(DemoCast.ServiceManagerEmail, DemoCast.ServiceManagerEmail, "Janet Robinson", Roles: ["SEND.ServiceManager"]),
                new(NoRoleEmail, NoRoleEmail, "Ruth Finch", Roles: ["Finance.Reader"]),
            ],
            [Origin + "/staff/sign-in/callback"],
            [Origin + "/staff/signed-out"]);
        _app = new AppFactory(port, _provider.Issuer);
        _app.StartServer();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SELFSERVICE_CHROMIUM") ?? BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Where the app drops the emails it sends.</summary>
    public string MailPickupDirectory => Path.Combine(_app?.DataDirectory ?? throw new InvalidOperationException("Not started."), "mail-pickup");

    /// <summary>Today as the app sees it (UK time).</summary>
    public DateOnly Today => (_app ?? throw new InvalidOperationException("Not started.")).Services.GetRequiredService<UkClock>().Today();

    /// <summary>On the provider's login page: any password works there; then its consent page.</summary>
    public async Task SignInAtProviderAsync(IPage page, string login)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForURLAsync(Provider.Issuer.GetLeftPart(UriPartial.Authority) + "/interaction/**");
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Origin, Locale = "en-GB", TimezoneId = "Europe/London" });
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
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class AppFactory : WebApplicationFactory<Program>
    {
        private readonly Uri _authority;

        public AppFactory(int port, Uri authority)
        {
            _authority = authority;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "selfservice-browser-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting(AppPaths.DataDirectoryKey, DataDirectory);
            builder.UseSetting($"{DemoDataOptions.SectionName}:{nameof(DemoDataOptions.SeedOnFirstRun)}", "true");
            builder.UseSetting($"{DemoDataOptions.SectionName}:{nameof(DemoDataOptions.Scale)}", "Test");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(DataDirectory, "mail-pickup"));
            builder.UseSetting("StaffSignIn:Authority", _authority.ToString());
            builder.UseSetting("StaffSignIn:ClientId", LoopbackOpenIdProvider.DefaultClientId);
            builder.UseSetting("StaffSignIn:ClientSecret", LoopbackOpenIdProvider.DefaultClientSecret);
            builder.UseSetting("StaffSignIn:RoleMappings:SEND.Caseworker", "Caseworker");
            builder.UseSetting("StaffSignIn:RoleMappings:SEND.ServiceManager", "ServiceManager");
            builder.ConfigureTestServices(services => services.AddApiEndpoints<ViewerEndpoint>());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }

        private sealed class ViewerEndpoint : IApiEndpointGroup
        {
            public void Map(RouteGroupBuilder api) =>
                api.MapGet("/test/staff-viewer", async (IPortalUser user, CancellationToken cancellationToken) =>
                {
                    var viewer = await user.GetViewerAsync(cancellationToken);
                    return TypedResults.Ok(new { user.IsSignedIn, viewer.StaffMemberId, StaffRole = viewer.StaffRole?.ToString() });
                });
        }
    }
}
