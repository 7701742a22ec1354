using Microsoft.EntityFrameworkCore;
using SelfService.Data.Accounts;
using SelfService.Domain.Access;

namespace SelfService.Data.Access;

/// <summary>
/// Builds the <see cref="Viewer"/> for an account from the case store: every family, school and
/// member role its email address holds today. The portal and the chat both use it, so a person
/// sees the same cases whichever way they ask. Staff roles are not here: they depend on how the
/// person signed in, which only the portal knows, and the chat never acts as staff.
/// </summary>
public static class ViewerQueries
{
    public static async Task<Viewer> ForAccountAsync(
        this CaseStoreDbContext db, Guid accountId, string email, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Addresses in the case store are kept normalised (AccountEmail.Normalise), so these are index lookups.
        var parentIds = await db.ParentCarers.Where(p => p.Email == email).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var children = parentIds.Count == 0
            ? []
            : await db.ChildParents
                .Where(l => parentIds.Contains(l.ParentCarerId) && l.HasParentalResponsibility)
                .Select(l => l.ChildId)
                .ToListAsync(cancellationToken);

        var ownRecords = await db.Children.Where(c => c.Email == email).ToListAsync(cancellationToken);
        var youngPerson = ownRecords.FirstOrDefault(c => c.IsYoungPersonOn(today));

        var schools = await db.SchoolContacts.Where(c => c.Email == email && c.Active).Select(c => c.SchoolId).ToListAsync(cancellationToken);
        var member = await db.ElectedMembers.Where(m => m.Email == email).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var actingFor = await db.Set<Domain.Enquiries.MemberDelegate>().Where(d => d.Email == email && d.Active).OrderBy(d => d.Id).Select(d => (Guid?)d.ElectedMemberId).FirstOrDefaultAsync(cancellationToken);

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
        };
    }

    /// <summary>The viewer for an account known only by id (a chat user); anonymous when there is no such account.</summary>
    public static async Task<Viewer> ForAccountIdAsync(
        this CaseStoreDbContext db, Guid accountId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (accountId == Guid.Empty)
        {
            return Viewer.Anonymous;
        }

        var email = await db.Set<UserAccount>().Where(a => a.Id == accountId).Select(a => a.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null ? Viewer.Anonymous : await db.ForAccountAsync(accountId, email, today, cancellationToken);
    }
}
