using System.Net;
using AngleSharp.Html.Dom;
using SelfService.Web.Identity;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>
/// A person at the loopback provider's own pages, over real HTTP with its own cookies: follows
/// redirects by hand, fills in the login form, accepts the consent form, and stops at the first
/// redirect back to the app.
/// </summary>
public sealed class ProviderUser : IDisposable
{
    public const string AnyPassword = "any-password";

    private readonly HttpClient _client;

    public ProviderUser(Uri issuer)
    {
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = issuer,
        };
    }

    public HttpClient Client => _client;

    /// <summary>Goes from <paramref name="url"/> through the provider's pages, signing in as <paramref name="login"/>; returns the address it sends the browser back to.</summary>
    public async Task<Uri> FollowAsync(Uri url, string login, bool cancelAtLogin = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        for (var step = 0; step < 20; step++)
        {
            if (!IsProvider(url))
            {
                return url;
            }

            using var response = await _client.GetAsync(url);
            if (IsRedirect(response))
            {
                url = new Uri(url, response.Headers.Location!);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The provider answered {(int)response.StatusCode} at {url}:\n{await response.Content.ReadAsStringAsync()}");
            var page = await Html.ParseAsync(response);
            if (page.QuerySelector("input[name=login]") is not null && cancelAtLogin)
            {
                // The dev login page's "Cancel" link aborts the interaction: error=access_denied.
                var abort = page.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().Single(a => a.GetAttribute("href")!.EndsWith("/abort", StringComparison.Ordinal));
                url = new Uri(url, abort.GetAttribute("href")!);
                continue;
            }

            var fields = page.QuerySelector("input[name=login]") is null
                ? Forms.Fields()
                : Forms.Fields(("login", login), ("password", AnyPassword));
            using var posted = await Forms.SubmitAsync(_client, page, url.ToString(), fields);
            Assert.True(IsRedirect(posted), $"The provider's form at {url} answered {(int)posted.StatusCode}:\n{await posted.Content.ReadAsStringAsync()}");
            url = new Uri(url, posted.Headers.Location!);
        }

        throw new InvalidOperationException("The provider never sent the browser back.");
    }

    /// <summary>Confirms "Yes, sign me out" on the provider's end-session page; returns where it sends the browser.</summary>
    public async Task<Uri> ConfirmSignOutAsync(Uri endSession)
    {
        ArgumentNullException.ThrowIfNull(endSession);
        using var page = await _client.GetAsync(endSession);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var doc = await Html.ParseAsync(page);
        using var posted = await Forms.SubmitAsync(_client, doc, endSession.ToString(), Forms.Fields(("logout", "yes")), "form#op\\.logoutForm");
        Assert.True(IsRedirect(posted), $"Signing out at the provider answered {(int)posted.StatusCode}");
        return new Uri(endSession, posted.Headers.Location!);
    }

    /// <summary>Whether the provider would show its login page for <paramref name="authorize"/>, i.e. has no session for this browser.</summary>
    public async Task<bool> AsksToSignInAsync(Uri authorize)
    {
        var url = authorize;
        for (var step = 0; step < 10 && IsProvider(url); step++)
        {
            using var response = await _client.GetAsync(url);
            if (!IsRedirect(response))
            {
                return (await Html.ParseAsync(response)).QuerySelector("input[name=login]") is not null;
            }

            url = new Uri(url, response.Headers.Location!);
        }

        return false;
    }

    public void Dispose() => _client.Dispose();

    internal static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null;

    private bool IsProvider(Uri url) => url.GetLeftPart(UriPartial.Authority) == _client.BaseAddress!.GetLeftPart(UriPartial.Authority);
}

/// <summary>The staff sign-in as the app sees it, driven over HTTP.</summary>
public static class StaffSignInFlow
{
    /// <summary>/staff/sign-in → provider → back to the app's callback; returns the callback's response, unread.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient app, ProviderUser person, string login, bool cancelAtLogin = false)
    {
        var callback = await ToCallbackAsync(app, person, login, cancelAtLogin);
        return await app.GetAsync(callback.PathAndQuery);
    }

    /// <summary>/staff/sign-in → provider, stopping at the address the provider sends the browser back to.</summary>
    public static async Task<Uri> ToCallbackAsync(HttpClient app, ProviderUser person, string login, bool cancelAtLogin = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(person);
        using var start = await app.GetAsync("/staff/sign-in");
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"/staff/sign-in answered {(int)start.StatusCode}:\n{await start.Content.ReadAsStringAsync()}");
        var back = await person.FollowAsync(start.Headers.Location!, login, cancelAtLogin);
        Assert.Equal(StaffSignInWebAppFactory.CallbackUri, back.GetLeftPart(UriPartial.Path));
        return back;
    }

    /// <summary>Whether the response set a (non-empty) portal session cookie.</summary>
    public static bool IssuedSession(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(IdentityServiceCollectionExtensions.SessionCookieName + "=", StringComparison.Ordinal)
                && !c.StartsWith(IdentityServiceCollectionExtensions.SessionCookieName + "=;", StringComparison.Ordinal));
    }
}
