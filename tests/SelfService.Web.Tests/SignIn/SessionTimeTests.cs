using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

/// <summary>Code expiry, idle timeout and the absolute session limit, on a clock the test moves.</summary>
public sealed class SessionTimeTests(ClockedWebAppFactory factory) : IClassFixture<ClockedWebAppFactory>
{
    private static string NewAddress() => $"timed.{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task A_code_expires_after_10_minutes()
    {
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mailbox.PickupFolder(factory), NewAddress());

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var response = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This code has expired", (await Html.ParseAsync(response)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_still_works_just_before_it_expires()
    {
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mailbox.PickupFolder(factory), NewAddress());

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        using var response = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_limit_on_codes_for_an_address_lifts_after_15_minutes()
    {
        var email = NewAddress();
        var mail = Mailbox.PickupFolder(factory);
        using var client = PortalSignIn.CreateClient(factory);
        for (var i = 0; i < 3; i++)
        {
            await PortalSignIn.RequestCodeAsync(client, mail, email);
        }

        using var refused = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", email)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await PortalSignIn.RequestCodeAsync(client, mail, email);
    }

    [Fact]
    public async Task Thirty_minutes_without_a_request_signs_you_out()
    {
        var email = NewAddress();
        using var client = await PortalSignIn.SignInAsync(factory, email);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await IsSignedInAsync(client, email));
    }

    [Fact]
    public async Task Using_the_service_keeps_you_signed_in()
    {
        var email = NewAddress();
        using var client = await PortalSignIn.SignInAsync(factory, email);

        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await IsSignedInAsync(client, email), $"still signed in after {(i + 1) * 20} minutes of use");
        }
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_busy()
    {
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("SignIn:AbsoluteLifetime", "00:45:00"));
        var email = NewAddress();
        using var client = await PortalSignIn.SignInAsync(app, email);

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await IsSignedInAsync(client, email));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await IsSignedInAsync(client, email));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.False(await IsSignedInAsync(client, email));
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client, string email)
    {
        var home = await Html.ParseAsync(await client.GetAsync("/"));
        return home.QuerySelector("#signed-in-as")?.TextContent.Contains(email, StringComparison.Ordinal) == true;
    }
}
