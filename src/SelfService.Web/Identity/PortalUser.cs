using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Domain.Access;
using SelfService.Web.Hosting;

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
        // Addresses in the case store are kept normalised (AccountEmail.Normalise), so these are index lookups.
        var parentIds = await db.ParentCarers.Where(p => p.Email == email).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var children = parentIds.Count == 0
            ? []
            : await db.ChildParents
                .Where(l => parentIds.Contains(l.ParentCarerId) && l.HasParentalResponsibility)
                .Select(l => l.ChildId)
                .ToListAsync(cancellationToken);

        var today = clock.Today();
        var ownRecords = await db.Children.Where(c => c.Email == email).ToListAsync(cancellationToken);
        var youngPerson = ownRecords.FirstOrDefault(c => c.IsYoungPersonOn(today));

        var schools = await db.SchoolContacts.Where(c => c.Email == email && c.Active).Select(c => c.SchoolId).ToListAsync(cancellationToken);
        var member = await db.ElectedMembers.Where(m => m.Email == email).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var actingFor = await db.Set<Domain.Enquiries.MemberDelegate>().Where(d => d.Email == email && d.Active).OrderBy(d => d.Id).Select(d => (Guid?)d.ElectedMemberId).FirstOrDefaultAsync(cancellationToken);

        var staffAllowed = options.Value.StaffByEmailCode ?? environment.IsDevelopment();
        var staff = staffAllowed
            ? await db.StaffMembers.Where(s => s.Email == email).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new Viewer
        {
            AccountId = accountId,
            Email = email,
            ParentCarerId = parentIds.Count == 0 ? null : parentIds[0],
            ChildrenInCare = children.ToHashSet(),
            YoungPersonChildId = youngPerson?.Id,
            SchoolIds = schools.ToHashSet(),
            ElectedMemberId = member?.Id,
            DelegateForMemberId = actingFor,
            StaffMemberId = staff?.Id,
            StaffRole = staff?.Role,
        };
    }
}
