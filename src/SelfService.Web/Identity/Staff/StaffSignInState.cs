using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Identity.Staff;

/// <summary>
/// What one sign-in attempt must remember between sending someone to the provider and their
/// return: the state and nonce it sent and the PKCE verifier, with where to go afterwards.
/// </summary>
public sealed record PendingStaffSignIn(string State, string Nonce, string CodeVerifier, string? ReturnUrl, long StartedAtUnixSeconds)
{
    public static PendingStaffSignIn Start(string? returnUrl, DateTimeOffset now) =>
        new(RandomValue(), RandomValue(), RandomValue(), returnUrl, now.ToUnixTimeSeconds());

    /// <summary>The PKCE S256 challenge: base64url(SHA-256(verifier)).</summary>
    public string CodeChallenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public DateTimeOffset StartedAt => DateTimeOffset.FromUnixTimeSeconds(StartedAtUnixSeconds);

    public bool StateMatches(string? returned) =>
        returned is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(State), Encoding.UTF8.GetBytes(returned));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // 32 random bytes: 43 characters, the PKCE minimum, and unguessable as state or nonce.
    private static string RandomValue() => Base64Url(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// Keeps the <see cref="PendingStaffSignIn"/> in a short-lived, encrypted cookie scoped to the
/// callback path, so nothing about it is stored on the server or visible to the browser.
/// </summary>
public sealed class StaffSignInStateCookie(IDataProtectionProvider protection, IOptions<StaffSignInOptions> options, IHostEnvironment environment)
{
    public const string CookieName = ".SelfService.StaffSignIn";

    private readonly IDataProtector _protector = protection.CreateProtector("SelfService.StaffSignIn.State");

    public void Write(HttpContext context, PendingStaffSignIn pending)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = _protector.Protect(JsonSerializer.Serialize(pending));
        context.Response.Cookies.Append(CookieName, value, CookieOptions(context, options.Value.StateLifetime));
    }

    public PendingStaffSignIn? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingStaffSignIn>(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, null));
    }

    // SameSite=Lax still sends it on the provider's top-level redirect back (a GET); the path keeps
    // it off every other request.
    private CookieOptions CookieOptions(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = !environment.IsDevelopment() || context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = options.Value.CallbackPath,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
