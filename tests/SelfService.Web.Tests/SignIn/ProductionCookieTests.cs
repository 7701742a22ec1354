using Microsoft.AspNetCore.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

public sealed class ProductionCookieTests : IDisposable
{
    private readonly ProductionWebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Outside_Development_every_cookie_is_Secure_HttpOnly_and_SameSite()
    {
        // Production has no Development pickup folder unless told; point it at one to read the code.
        await using var app = _factory.WithWebHostBuilder(b => b.UseSetting("Email:PickupDirectory", "mail-pickup"));
        using var client = PortalSignIn.CreateClient(app, "https://localhost");

        var page = await client.GetAsync("/sign-in");
        var antiforgery = SetCookie(page, IdentityServiceCollectionExtensions.AntiforgeryCookieName);
        var code = await PortalSignIn.RequestCodeAsync(client, Mailbox.PickupFolder(app), "helen.carter@example.com");
        using var signedIn = await PortalSignIn.EnterCodeAsync(client, code);
        var session = SetCookie(signedIn, IdentityServiceCollectionExtensions.SessionCookieName);

        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // Session cookies only: closing the browser ends the session, and the idle timeout is in the ticket.
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Single(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : throw new InvalidOperationException($"No Set-Cookie for {name}.");
}
