using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SelfService.Web.Identity;

/// <summary>
/// Between "send me a code" and "here is the code": which address the code went to and where to
/// go afterwards, in a short-lived encrypted cookie, so the address is never in a URL.
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection, IHostEnvironment environment)
{
    public const string CookieName = ".SelfService.SignIn";

    private readonly IDataProtector _protector = protection.CreateProtector("SelfService.SignIn.Pending");

    public void Start(HttpContext context, string email, string? returnUrl, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = _protector.Protect(JsonSerializer.Serialize(new State(email, returnUrl)));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() || context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/sign-in",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    public State? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<State>(_protector.Unprotect(value));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/sign-in" });
    }

    public sealed record State(string Email, string? ReturnUrl);
}
