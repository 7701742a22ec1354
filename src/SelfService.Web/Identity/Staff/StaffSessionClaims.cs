using System.Security.Claims;
using SelfService.Domain.People;

namespace SelfService.Web.Identity.Staff;

/// <summary>
/// What a session started through the council's identity provider carries beyond the portal's own
/// claims: that it is a staff sign-in, the staff record, the role(s) the token gave (checked again
/// at every sign-in, never read from the staff table), and the ID token for signing out at the provider.
/// </summary>
public static class StaffSessionClaims
{
    public const string Method = "staff_sign_in";

    public const string ByOpenIdConnect = "oidc";

    public const string StaffMemberId = "staff_member_id";

    public const string Role = "staff_role";

    public const string IdToken = "staff_id_token";

    public static void AddTo(ClaimsPrincipal principal, Guid staffMemberId, IEnumerable<StaffRole> roles, string idToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(Method, ByOpenIdConnect));
        identity.AddClaim(new Claim(StaffMemberId, staffMemberId.ToString()));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(Role, role.ToString()));
        }

        identity.AddClaim(new Claim(IdToken, idToken));
    }

    public static bool IsStaffSession(ClaimsPrincipal? principal) =>
        principal?.FindFirst(Method)?.Value == ByOpenIdConnect;

    /// <summary>The staff record and highest role of a staff session; null for any other session.</summary>
    public static (Guid StaffMemberId, StaffRole Role)? StaffOf(ClaimsPrincipal? principal)
    {
        if (!IsStaffSession(principal) || !Guid.TryParse(principal!.FindFirst(StaffMemberId)?.Value, out var id))
        {
            return null;
        }

        var roles = principal.FindAll(Role)
            .Select(c => Enum.TryParse<StaffRole>(c.Value, out var role) ? role : (StaffRole?)null)
            .OfType<StaffRole>()
            .OrderByDescending(StaffRoleMapping.Rank)
            .ToList();
        return roles.Count == 0 ? null : (id, roles[0]);
    }

    public static string? IdTokenOf(ClaimsPrincipal? principal) => principal?.FindFirst(IdToken)?.Value;
}
