using System.Globalization;
using System.Security.Claims;
using SelfService.Data.Accounts;

namespace SelfService.Web.Identity;

/// <summary>What the session cookie holds: the account, its address and when the person signed in.</summary>
public static class PortalClaims
{
    public const string Scheme = "Portal";

    public const string SignedInAt = "signed_in_at";

    public static ClaimsPrincipal For(UserAccount account, DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Email, account.Email),
                new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(SignedInAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
