using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SelfService.Web.Tests.Support;

/// <summary>
/// Signs a test client in the way a person does: asks for a code on /sign-in, reads it from the
/// email actually sent, enters it on /sign-in/code. The client keeps the session cookie.
/// </summary>
public static class PortalSignIn
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreateClient(WebApplicationFactory<Program> factory, string baseAddress = "http://localhost")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress),
        });
    }

    /// <summary>A new cookie-keeping client, signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = CreateClient(factory);
        await SignInAsync(factory, client, email);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> (made by <see cref="CreateClient"/>) in, reading the code from the pickup folder.</summary>
    public static Task SignInAsync(WebApplicationFactory<Program> factory, HttpClient client, string email) =>
        SignInAsync(client, Mailbox.PickupFolder(factory), email);

    /// <summary>Signs in, reading the code from <paramref name="mailbox"/>; fails unless the app redirects away from the code page.</summary>
    public static async Task SignInAsync(HttpClient client, Mailbox mailbox, string email)
    {
        var code = await RequestCodeAsync(client, mailbox, email);
        using var response = await EnterCodeAsync(client, code);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} did not redirect: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Asks for a code on /sign-in and returns the code from the email it sent.</summary>
    public static async Task<string> RequestCodeAsync(HttpClient client, Mailbox mailbox, string email, string signInUrl = "/sign-in")
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var before = mailbox.Snapshot();
        using var response = await Forms.PostAsync(client, signInUrl, Forms.Fields(("email", email)));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/sign-in/code")
        {
            throw new InvalidOperationException($"Asking for a code for {email} was refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return Mailbox.SignInCodeIn(await mailbox.WaitForNewAsync(email, before));
    }

    /// <summary>Posts <paramref name="code"/> on the code page (after <see cref="RequestCodeAsync"/>) and returns the response unread.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code) =>
        Forms.PostAsync(client, "/sign-in/code", Forms.Fields(("code", code)));
}
