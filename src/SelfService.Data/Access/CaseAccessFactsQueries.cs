using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Access;

/// <summary>Reads what <see cref="CaseAccessPolicy"/> needs about a case or plan, fresh from the store.</summary>
public static class CaseAccessFactsQueries
{
    public static CaseAccessFacts ForCase(AssessmentCase assessmentCase, Child child, IReadOnlySet<Guid> responsibleParents)
    {
        ArgumentNullException.ThrowIfNull(assessmentCase);
        ArgumentNullException.ThrowIfNull(child);
        return new CaseAccessFacts(child.Id, responsibleParents, child.SchoolId, assessmentCase.RequestingSchoolId, null, assessmentCase.Requester);
    }

    public static CaseAccessFacts ForPlan(EhcPlan plan, Child child, IReadOnlySet<Guid> responsibleParents, Requester? requester)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(child);
        return new CaseAccessFacts(child.Id, responsibleParents, child.SchoolId, null, plan.NamedSchoolId, requester);
    }

    /// <summary>The parent/carers holding parental responsibility for each of the children.</summary>
    public static async Task<Dictionary<Guid, HashSet<Guid>>> ResponsibleParentsAsync(
        this CaseStoreDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.Set<ChildParent>()
            .Where(l => childIds.Contains(l.ChildId) && l.HasParentalResponsibility)
            .Select(l => new { l.ChildId, l.ParentCarerId })
            .ToListAsync(cancellationToken);
        return childIds.ToDictionary(
            id => id,
            id => links.Where(l => l.ChildId == id).Select(l => l.ParentCarerId).ToHashSet());
    }
}
