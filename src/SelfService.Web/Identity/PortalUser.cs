using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Access;
using SelfService.Domain.Access;
using SelfService.Domain.People;
using SelfService.Web.Hosting;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Identity;

/// <summary>
/// The signed-in person for this request, from the session cookie; their roles come from the case
/// store by email address, looked up once per request so a removed link stops access at once.
/// </summary>
public sealed class PortalUser(
    IHttpContextAccessor http, CaseStoreDbContext db, UkClock clock, IOptions<SignInOptions> options, IHostEnvironment environment) : IPortalUser
{
    private Task<Viewer>? _viewer;

    public bool IsSignedIn => AccountId != Guid.Empty;

    public Guid AccountId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty;

    public string Email => IsSignedIn ? Principal?.FindFirst(ClaimTypes.Email)?.Value ?? string.Empty : string.Empty;

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public Task<Viewer> GetViewerAsync(CancellationToken cancellationToken = default) =>
        _viewer ??= IsSignedIn ? LoadAsync(AccountId, Email, cancellationToken) : Task.FromResult(Viewer.Anonymous);

    private async Task<Viewer> LoadAsync(Guid accountId, string email, CancellationToken cancellationToken)
    {
        var viewer = await db.ForAccountAsync(accountId, email, clock.Today(), cancellationToken);

        // Staff who signed in through the council's identity provider have the role their token gave;
        // by email code, staff access is for Development's demo staff only (SignInOptions.StaffByEmailCode).
        var staffSession = StaffSessionClaims.StaffOf(Principal);
        var staffAllowed = staffSession is null && (options.Value.StaffByEmailCode ?? environment.IsDevelopment());
        var staff = staffAllowed
            ? await db.StaffMembers.Where(s => s.Email == email).Select(s => new { s.Id, Role = (StaffRole?)s.Role }).FirstOrDefaultAsync(cancellationToken)
            : staffSession is { } session && await db.StaffMembers.AnyAsync(s => s.Id == session.StaffMemberId, cancellationToken)
                ? new { Id = session.StaffMemberId, Role = (StaffRole?)session.Role }
                : null;

        return viewer with { StaffMemberId = staff?.Id, StaffRole = staff?.Role };
    }
}
