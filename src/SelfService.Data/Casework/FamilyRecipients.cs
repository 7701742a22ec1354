using Microsoft.EntityFrameworkCore;
using SelfService.Data.Accounts;

namespace SelfService.Data.Casework;

/// <summary>Everyone entitled to hear about a child's case or plan: parents with responsibility, and the young person.</summary>
public static class FamilyRecipients
{
    public static async Task<IReadOnlyList<string>> ListAsync(CaseStoreDbContext db, Guid childId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parents = await (from l in db.ChildParents
                             join p in db.ParentCarers on l.ParentCarerId equals p.Id
                             where l.ChildId == childId && l.HasParentalResponsibility && p.Email != ""
                             select p.Email).ToListAsync(cancellationToken);
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        if (child.Email is { Length: > 0 } own && child.IsYoungPersonOn(today))
        {
            parents.Add(own);
        }

        return parents.Select(AccountEmail.Normalise).Distinct(StringComparer.Ordinal).ToList();
    }

    public static Task<string> ChildNameAsync(CaseStoreDbContext db, Guid childId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Children.Where(c => c.Id == childId).Select(c => (c.KnownAs ?? c.FirstName) + " " + c.LastName).SingleAsync(cancellationToken);
    }
}
