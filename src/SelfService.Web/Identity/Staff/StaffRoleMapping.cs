using System.Security.Claims;
using SelfService.Domain.People;

namespace SelfService.Web.Identity.Staff;

/// <summary>Turns the provider's role or group claims into staff roles, as configured in <c>StaffSignIn:RoleMappings</c>.</summary>
public static class StaffRoleMapping
{
    /// <summary>Every role the identity's claims map to, highest first; empty when none do.</summary>
    public static IReadOnlyList<StaffRole> RolesOf(ClaimsIdentity identity, StaffSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        var types = options.EffectiveRoleClaimTypes.ToHashSet(StringComparer.Ordinal);
        return identity.Claims
            .Where(c => types.Contains(c.Type))
            .Select(c => options.RoleMappings.TryGetValue(c.Value, out var role) ? role : (StaffRole?)null)
            .OfType<StaffRole>()
            .Distinct()
            .OrderByDescending(Rank)
            .ToList();
    }

    /// <summary>Administrator above service manager above caseworker: someone holding several acts as the highest.</summary>
    public static int Rank(StaffRole role) => role switch
    {
        StaffRole.Administrator => 3,
        StaffRole.ServiceManager => 2,
        _ => 1,
    };
}
