using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Accounts;
using SelfService.Domain.People;
using SelfService.Web.Identity.Staff;
using SelfService.Web.Tests.SignIn;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>
/// Staff sign-in against a real OpenID Provider on loopback, driven over HTTP as a browser would:
/// the provider's own login and consent pages, the code exchange, the ID token's checks, role
/// mapping, every refusal (with no session issued), and signing out at both ends.
/// </summary>
public sealed class StaffSignInTests(StaffSignInFixture fixture) : IClassFixture<StaffSignInFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Provider.TamperAsync("none");

    public Task DisposeAsync()
    {
        fixture.App.Time.Offset = TimeSpan.Zero;
        return fixture.Provider.TamperAsync("none");
    }

    [Fact]
    public async Task A_caseworker_signs_in_at_the_provider_lands_on_the_staff_home_with_the_caseworker_role()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        var callback = await StaffSignInFlow.ToCallbackAsync(app, person, StaffSignInFixture.NewCaseworker);
        using var response = await app.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        Assert.True(StaffSignInFlow.IssuedSession(response));
        using var home = await app.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Priya Shah", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var viewer = (await app.GetFromJsonAsync<ViewerDto>(StaffSignInWebAppFactory.ViewerPath))!;
        Assert.True(viewer.Viewer.IsStaff);
        Assert.Equal(nameof(StaffRole.Caseworker), viewer.Viewer.StaffRole);
        Assert.Equal(StaffSignInFixture.NewCaseworker, viewer.Email);
        using (var managersOnly = await app.GetAsync(StaffSignInWebAppFactory.ManagersOnlyPath))
        {
            Assert.Equal(HttpStatusCode.Forbidden, managersOnly.StatusCode);
        }

        // A first sign-in makes the staff record with the token's role, and keeps the provider's subject.
        var (member, identity) = await fixture.WithStoreAsync(async db => (
            await db.StaffMembers.SingleAsync(s => s.Email == StaffSignInFixture.NewCaseworker),
            await db.Set<StaffIdentity>().SingleAsync(i => i.UserAccountId == viewer.AccountId)));
        Assert.Equal(viewer.Viewer.StaffMemberId, member.Id);
        Assert.Equal(StaffRole.Caseworker, member.Role);
        Assert.Equal("Priya Shah", member.Name);
        Assert.Equal(StaffSignInFixture.NewCaseworker, identity.Subject);
        Assert.Equal(fixture.Provider.Issuer.ToString().TrimEnd('/'), identity.Issuer);

        // Neither the code nor any token reaches the log.
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.NotEmpty(code);
        Assert.DoesNotContain(fixture.App.Logs.Lines, l => l.Contains(code, StringComparison.Ordinal) || l.Contains("eyJ", StringComparison.Ordinal));
        Assert.Contains(fixture.App.Logs.Lines, l => l.Contains($"Staff member {member.Id} signed in through the identity provider as Caseworker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_staff_record_is_linked_by_address_and_its_role_follows_the_token()
    {
        var existing = new StaffMember(Guid.NewGuid(), "Sam Okoro", StaffSignInFixture.ExistingOfficer, StaffRole.Caseworker, "North");
        await fixture.WithStoreAsync(async db =>
        {
            db.StaffMembers.Add(existing);
            return await db.SaveChangesAsync();
        });
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        using var response = await StaffSignInFlow.SignInAsync(app, person, StaffSignInFixture.ExistingOfficer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var viewer = (await app.GetFromJsonAsync<ViewerDto>(StaffSignInWebAppFactory.ViewerPath))!;
        Assert.Equal(existing.Id, viewer.Viewer.StaffMemberId);
        Assert.Equal(nameof(StaffRole.ServiceManager), viewer.Viewer.StaffRole);
        using (var managersOnly = await app.GetAsync(StaffSignInWebAppFactory.ManagersOnlyPath))
        {
            // The staff list still said caseworker when the token said service manager: the token wins.
            Assert.Equal(HttpStatusCode.OK, managersOnly.StatusCode);
        }

        // The token's address had capitals; accounts and staff records are matched on the normalised form.
        Assert.Equal(StaffSignInFixture.ExistingOfficer, viewer.Email);
        var stored = await fixture.WithStoreAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == existing.Id));
        Assert.Equal(StaffRole.ServiceManager, stored.Role);
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.StaffMembers.CountAsync(s => s.Email == StaffSignInFixture.ExistingOfficer)));
    }

    [Fact]
    public async Task A_group_claim_mapped_in_configuration_gives_the_administrator_role()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        using var response = await StaffSignInFlow.SignInAsync(app, person, StaffSignInFixture.GroupAdministrator);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var viewer = (await app.GetFromJsonAsync<ViewerDto>(StaffSignInWebAppFactory.ViewerPath))!;
        Assert.Equal(nameof(StaffRole.Administrator), viewer.Viewer.StaffRole);
    }

    [Fact]
    public async Task Someone_whose_token_maps_to_no_role_is_refused_with_a_page_and_gets_no_session_or_account()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        using var response = await StaffSignInFlow.SignInAsync(app, person, StaffSignInFixture.NoRole);

        await AssertRefusedAsync(app, response, HttpStatusCode.Forbidden, "You do not have access to the SEND service");
        Assert.False(await fixture.WithStoreAsync(db => db.Set<UserAccount>().AnyAsync(a => a.Email == StaffSignInFixture.NoRole)));
        Assert.Contains(fixture.App.Logs.Lines, l => l.Contains("Staff sign-in refused (NoRole)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("issuer", "(SecurityTokenInvalidIssuerException)")]
    [InlineData("audience", "(SecurityTokenInvalidAudienceException)")]
    [InlineData("nonce", "nonce is not the one this sign-in sent")]
    [InlineData("signature", "(SecurityTokenInvalidSignatureException)")]
    [InlineData("expired", "(SecurityTokenExpiredException)")]
    [InlineData("azp", "authorised party (azp) is not this client")]
    public async Task An_ID_token_that_fails_a_check_is_refused_and_no_session_is_issued(string tampering, string reason)
    {
        await fixture.Provider.TamperAsync(tampering);
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        using var response = await StaffSignInFlow.SignInAsync(app, person, StaffSignInFixture.Tampered);

        await AssertRefusedAsync(app, response, HttpStatusCode.Forbidden, "We could not confirm who you are");
        var refusal = fixture.App.Logs.Lines.Last(l => l.Contains("Staff sign-in refused (TokenInvalid)", StringComparison.Ordinal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.App.Logs.Lines, l => l.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_as_access_denied_and_is_explained()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);

        var callback = await StaffSignInFlow.ToCallbackAsync(app, person, StaffSignInFixture.NewCaseworker, cancelAtLogin: true);
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(callback.Query)["error"].ToString());
        using var response = await app.GetAsync(callback.PathAndQuery);

        await AssertRefusedAsync(app, response, HttpStatusCode.Forbidden, "You did not finish signing in");
    }

    [Fact]
    public async Task A_callback_whose_state_this_browser_did_not_send_is_refused()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);
        var callback = await StaffSignInFlow.ToCallbackAsync(app, person, StaffSignInFixture.NewCaseworker);

        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["state"] = "forged-" + query["state"];
        using var response = await app.GetAsync(QueryHelpers.AddQueryString(callback.AbsolutePath, query));

        await AssertRefusedAsync(app, response, HttpStatusCode.BadRequest, "Your sign-in did not complete");
        Assert.Contains(fixture.App.Logs.Lines, l => l.Contains("Staff sign-in refused (StateMismatch)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_replayed_with_or_without_its_state_cookie_is_refused()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);
        using var start = await app.GetAsync("/staff/sign-in");
        var stateCookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffSignInStateCookie.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var callback = await person.FollowAsync(start.Headers.Location!, StaffSignInFixture.NewCaseworker);
        using var first = await app.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // The same browser again: its state cookie went with the first use.
        using var again = await app.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(StaffSignInFlow.IssuedSession(again));

        // Someone who copied both the address and the cookie.
        using var copier = fixture.App.CreateAppClient();
        using var replay = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        replay.Headers.Add("Cookie", stateCookie);
        using var replayed = await copier.SendAsync(replay);

        await AssertRefusedAsync(copier, replayed, HttpStatusCode.BadRequest, "Your sign-in did not complete");
        Assert.Contains(fixture.App.Logs.Lines, l => l.Contains("Staff sign-in refused (Replayed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_that_comes_back_after_the_state_has_expired_is_refused()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);
        var callback = await StaffSignInFlow.ToCallbackAsync(app, person, StaffSignInFixture.NewCaseworker);

        fixture.App.Time.Offset = TimeSpan.FromMinutes(11);
        using var response = await app.GetAsync(callback.PathAndQuery);

        await AssertRefusedAsync(app, response, HttpStatusCode.BadRequest, "Your sign-in timed out");
    }

    [Fact]
    public async Task A_signed_out_visitor_to_the_staff_pages_is_sent_to_staff_sign_in_not_to_email_codes()
    {
        using var app = fixture.App.CreateAppClient();

        using var response = await app.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in?returnUrl=%2Fstaff", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        using var app = fixture.App.CreateAppClient();
        using var person = new ProviderUser(fixture.Provider.Issuer);
        using (var signedIn = await StaffSignInFlow.SignInAsync(app, person, StaffSignInFixture.Caseworker))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // While the provider's session lasts, signing in again needs no login page.
        using (var again = await app.GetAsync("/staff/sign-in"))
        {
            Assert.False(await person.AsksToSignInAsync(again.Headers.Location!));
        }

        using var page = await app.GetAsync("/staff/sign-out");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var provider = fixture.Provider.Issuer.GetLeftPart(UriPartial.Authority);
        Assert.EndsWith($"form-action 'self' {provider}", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var posted = await Forms.SubmitAsync(app, await Html.ParseAsync(page), "/staff/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var endSession = posted.Headers.Location!;
        Assert.Equal(provider + "/session/end", endSession.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(endSession.Query);
        Assert.StartsWith("eyJ", query["id_token_hint"].ToString(), StringComparison.Ordinal);
        Assert.Equal(StaffSignInWebAppFactory.SignedOutUri, query["post_logout_redirect_uri"].ToString());

        using (var staffHome = await app.GetAsync("/staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, staffHome.StatusCode);
            Assert.StartsWith("/staff/sign-in", staffHome.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var back = await person.ConfirmSignOutAsync(endSession);
        Assert.Equal(StaffSignInWebAppFactory.SignedOutUri, back.ToString());
        using (var signedOut = await app.GetAsync(back.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.Contains("You have signed out", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The provider's session ended too: signing in again shows its login page.
        using var afterwards = await app.GetAsync("/staff/sign-in");
        Assert.True(await person.AsksToSignInAsync(afterwards.Headers.Location!));
    }

    private static async Task AssertRefusedAsync(HttpClient app, HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}:\n{body}");
        Assert.False(StaffSignInFlow.IssuedSession(response));
        var page = await Html.ParseAsync(response);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/staff/sign-in", page.QuerySelector("a#retry")?.GetAttribute("href"));

        var viewer = (await app.GetFromJsonAsync<ViewerDto>(StaffSignInWebAppFactory.ViewerPath))!;
        Assert.False(viewer.IsSignedIn);
    }
}
