using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Assessments;
using SelfService.Domain.Plans;

namespace SelfService.Data;

/// <summary>How to load the aggregates whole: the domain reads its history in order, so it must arrive in order.</summary>
public static class CaseStoreQueries
{
    public static IQueryable<AssessmentCase> WithEvents(this IQueryable<AssessmentCase> cases) =>
        cases.Include(c => c.Events.OrderBy(e => e.Sequence));

    public static IQueryable<EhcPlan> WithReviews(this IQueryable<EhcPlan> plans) =>
        plans.Include(p => p.Reviews.OrderBy(r => r.DueBy));
}
