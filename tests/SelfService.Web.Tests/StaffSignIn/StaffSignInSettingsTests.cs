using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>Staff sign-in unset, half set, or pointed at a provider that is down or refuses the app.</summary>
public sealed class StaffSignInSettingsTests
{
    [Fact]
    public async Task Outside_Development_without_staff_sign_in_settings_staff_cannot_sign_in_and_are_told_so()
    {
        await using var app = new ProductionWebAppFactory();
        using var client = PortalSignIn.CreateClient(app, StaffSignInWebAppFactory.Origin);

        using var response = await client.GetAsync("/staff/sign-in");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Staff sign-in is not available", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Staff cannot sign in with an emailed code", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a#retry"));
    }

    [Fact]
    public void Staff_sign_in_by_email_code_cannot_be_turned_on_outside_Development()
    {
        using var app = new ProductionWebAppFactory().WithWebHostBuilder(b => b.UseSetting("SignIn:StaffByEmailCode", "true"));

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("SignIn:StaffByEmailCode can only be true in Development", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.example.gov.uk/tenant/v2.0", null, "StaffSignIn:ClientId is required")]
    [InlineData("http://login.example.gov.uk/tenant/v2.0", "client", "must be an absolute https:// address")]
    public void A_half_configured_provider_stops_the_app_starting(string authority, string? clientId, string expected)
    {
        using var app = new ProductionWebAppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("StaffSignIn:Authority", authority);
            b.UseSetting("StaffSignIn:ClientId", clientId);
            b.UseSetting("StaffSignIn:ClientSecret", "secret");
            b.UseSetting("StaffSignIn:RoleMappings:SEND.Caseworker", "Caseworker");
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_mappings_are_required_and_must_name_a_staff_role()
    {
        using var none = new ProductionWebAppFactory().WithWebHostBuilder(b => Configure(b, role: null));
        Assert.Contains("RoleMappings must map at least one", Assert.ThrowsAny<Exception>(() => none.CreateClient()).ToString(), StringComparison.Ordinal);

        using var wrong = new ProductionWebAppFactory().WithWebHostBuilder(b => Configure(b, role: "Headteacher"));
        Assert.ThrowsAny<Exception>(() => wrong.CreateClient());

        static void Configure(IWebHostBuilder b, string? role)
        {
            b.UseSetting("StaffSignIn:Authority", "https://login.example.gov.uk/tenant/v2.0");
            b.UseSetting("StaffSignIn:ClientId", "client");
            b.UseSetting("StaffSignIn:ClientSecret", "secret");
            if (role is not null)
            {
                b.UseSetting("StaffSignIn:RoleMappings:SEND.Caseworker", role);
            }
        }
    }

    [Fact]
    public async Task The_callback_answers_at_a_configured_callback_path()
    {
        await using var app = new StaffSignInWebAppFactory(StaffSignInWebAppFactory.UnreachableAuthority());
        await using var moved = app.WithWebHostBuilder(b => b.UseSetting("StaffSignIn:CallbackPath", "/auth/council/callback"));
        using var client = PortalSignIn.CreateClient(moved, StaffSignInWebAppFactory.Origin);

        // No sign-in was started in this client, so the page explains that: the route is there.
        using var response = await client.GetAsync("/auth/council/callback?code=x&state=y");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Your sign-in did not complete", (await Html.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_provider_whose_metadata_cannot_be_read_gives_a_retry_page_not_an_error()
    {
        await using var app = new StaffSignInWebAppFactory(StaffSignInWebAppFactory.UnreachableAuthority());
        using var client = app.CreateAppClient();

        using var response = await client.GetAsync("/staff/sign-in");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sorry, the council's sign-in service is not responding", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/staff/sign-in", page.QuerySelector("a#retry")?.GetAttribute("href"));
        Assert.Contains(app.Logs.Lines, l => l.Contains("metadata could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_the_app_gives_a_retry_page_and_no_session()
    {
        await using var provider = await LoopbackOpenIdProvider.StartAsync(
            StaffSignInFixture.Accounts, [StaffSignInWebAppFactory.CallbackUri], [StaffSignInWebAppFactory.SignedOutUri]);
        const string wrongSecret = "not-the-registered-secret";
        await using var app = new StaffSignInWebAppFactory(provider.Issuer, wrongSecret);
        using var client = app.CreateAppClient();
        using var person = new ProviderUser(provider.Issuer);

        using var response = await StaffSignInFlow.SignInAsync(client, person, StaffSignInFixture.NewCaseworker);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.False(StaffSignInFlow.IssuedSession(response));
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sorry, there was a problem signing you in", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/staff/sign-in", page.QuerySelector("a#retry")?.GetAttribute("href"));
        Assert.Contains(app.Logs.Lines, l => l.Contains("token endpoint refused the code", StringComparison.Ordinal) && l.Contains("invalid_client", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(wrongSecret, StringComparison.Ordinal));
    }
}
