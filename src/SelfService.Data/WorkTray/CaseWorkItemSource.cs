using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;

namespace SelfService.Data.WorkTray;

/// <summary>
/// Tray rows for open EHC needs assessments. Within one kind every due date is a fixed number of
/// days after one stored date (StatutoryClock), so the database orders and filters on that date's
/// index and no next-due column has to be kept in step with every change.
/// </summary>
public sealed class CaseWorkItemSource(CaseStoreDbContext db) : IWorkItemSource
{
    private static readonly WorkItemKind[] Handled =
    [
        WorkItemKind.NewRequest,
        WorkItemKind.Assessment,
        WorkItemKind.DraftAwaitingResponse,
        WorkItemKind.PlanToFinalise,
    ];

    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkTrayFilter filter, DateOnly today, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = new List<CaseRow>();
        foreach (var slice in Slices(filter, today))
        {
            rows.AddRange(await slice.Rows.Take(take).ToListAsync(cancellationToken));
        }

        var ordered = rows
            .Select(r => (Row: r, Item: ToItem(r)))
            .OrderBy(x => x.Item.DueOn)
            .ThenBy(x => x.Item.Reference, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var inException = await InExceptionAsync(ordered.ConvertAll(x => x.Row.Id), cancellationToken);
        return ordered.ConvertAll(x => x.Item with { InException = inException.Contains(x.Row.Id) });
    }

    public async Task<int> CountAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var total = 0;
        foreach (var slice in Slices(filter, today))
        {
            total += await slice.Rows.CountAsync(cancellationToken);
        }

        return total;
    }

    /// <summary>One query per kind, each already in due-date order.</summary>
    private IEnumerable<(WorkItemKind Kind, IQueryable<CaseRow> Rows)> Slices(WorkTrayFilter filter, DateOnly today)
    {
        var responseWindowOpenFrom = today.AddDays(-StatutoryClock.DraftResponseDays);
        foreach (var kind in Handled.Where(k => filter.Kinds is null || filter.Kinds.Contains(k)))
        {
            var cases = Filtered(filter, today, kind);
            var slice = kind switch
            {
                WorkItemKind.NewRequest => cases.Where(c => c.Stage == CaseStage.AwaitingDecisionToAssess)
                    .OrderBy(c => c.RequestReceivedOn).ThenBy(c => c.Reference),
                WorkItemKind.Assessment => cases.Where(c => c.Stage == CaseStage.Assessing)
                    .OrderBy(c => c.RequestReceivedOn).ThenBy(c => c.Reference),
                WorkItemKind.DraftAwaitingResponse => cases.Where(c => c.Stage == CaseStage.DraftPlanIssued && c.DraftPlanServedOn >= responseWindowOpenFrom)
                    .OrderBy(c => c.DraftPlanServedOn).ThenBy(c => c.Reference),

                // Once the family's 15 days are over, what remains is the 20-week final plan.
                _ => cases.Where(c => c.Stage == CaseStage.DraftingPlan || (c.Stage == CaseStage.DraftPlanIssued && c.DraftPlanServedOn < responseWindowOpenFrom))
                    .OrderBy(c => c.RequestReceivedOn).ThenBy(c => c.Reference),
            };
            yield return (kind, Project(slice, kind));
        }
    }

    private IQueryable<AssessmentCase> Filtered(WorkTrayFilter filter, DateOnly today, WorkItemKind kind)
    {
        var cases = db.AssessmentCases.AsNoTracking();
        if (filter.AssignedStaffId is { } staffId)
        {
            cases = cases.Where(c => c.CaseworkerId == staffId);
        }

        if (filter.SchoolId is { } schoolId)
        {
            cases = cases.Where(c => db.Children.Any(ch => ch.Id == c.ChildId && ch.SchoolId == schoolId));
        }

        if (filter.InException is { } wanted)
        {
            // An exception applies while one has been applied and not yet ended.
            cases = cases.Where(c => db.CaseEvents.OfType<ExceptionApplied>().Any(a => a.CaseId == c.Id
                && !db.CaseEvents.OfType<ExceptionEnded>().Any(e => e.CaseId == c.Id && e.ExceptionId == a.Id)) == wanted);
        }

        if (filter.OverdueOnly)
        {
            // Due before today: the stored date is before today minus the kind's fixed offset.
            var offset = kind switch
            {
                WorkItemKind.NewRequest => StatutoryClock.DecisionToAssessDays,
                WorkItemKind.Assessment => StatutoryClock.DecisionToIssueDays,
                WorkItemKind.DraftAwaitingResponse => StatutoryClock.DraftResponseDays,
                _ => StatutoryClock.FinalPlanDays,
            };
            var before = today.AddDays(-offset);
            cases = kind == WorkItemKind.DraftAwaitingResponse
                ? cases.Where(c => c.DraftPlanServedOn < before)
                : cases.Where(c => c.RequestReceivedOn < before);
        }

        return cases;
    }

    private IQueryable<CaseRow> Project(IQueryable<AssessmentCase> cases, WorkItemKind kind) =>
        from c in cases
        join ch in db.Children on c.ChildId equals ch.Id
        select new CaseRow(kind, c.Id, c.Reference, ch.KnownAs ?? ch.FirstName, ch.LastName, c.Stage, c.RequestReceivedOn, c.DraftPlanServedOn, c.CaseworkerId, ch.SchoolId);

    private async Task<HashSet<Guid>> InExceptionAsync(List<Guid> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }

        var applied = await db.CaseEvents.OfType<ExceptionApplied>().Where(e => caseIds.Contains(e.CaseId)).Select(e => new { e.Id, e.CaseId }).ToListAsync(cancellationToken);
        var ended = await db.CaseEvents.OfType<ExceptionEnded>().Where(e => caseIds.Contains(e.CaseId)).Select(e => e.ExceptionId).ToListAsync(cancellationToken);
        return applied.Where(a => !ended.Contains(a.Id)).Select(a => a.CaseId).ToHashSet();
    }

    private static WorkItem ToItem(CaseRow row)
    {
        var (due, nextStep) = row.Kind switch
        {
            WorkItemKind.NewRequest => (row.ReceivedOn.AddDays(StatutoryClock.DecisionToAssessDays), "Decide whether to assess"),
            WorkItemKind.Assessment => (row.ReceivedOn.AddDays(StatutoryClock.DecisionToIssueDays), "Decide whether to issue a plan"),
            WorkItemKind.DraftAwaitingResponse => (row.DraftServedOn!.Value.AddDays(StatutoryClock.DraftResponseDays), "Family's response to the draft plan due"),
            _ => (row.ReceivedOn.AddDays(StatutoryClock.FinalPlanDays), row.Stage == CaseStage.DraftingPlan ? "Serve the draft plan" : "Issue the final plan"),
        };
        return new WorkItem(
            row.Kind,
            row.Reference,
            $"{row.FirstName} {row.LastName}",
            nextStep,
            due,
            $"/staff/cases/{row.Reference}",
            row.CaseworkerId,
            AssessmentCase.Describe(row.Stage),
            row.SchoolId);
    }

    private sealed record CaseRow(
        WorkItemKind Kind,
        Guid Id,
        string Reference,
        string FirstName,
        string LastName,
        CaseStage Stage,
        DateOnly ReceivedOn,
        DateOnly? DraftServedOn,
        Guid? CaseworkerId,
        Guid? SchoolId);
}
