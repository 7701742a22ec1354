using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Data.WorkTray;

/// <summary>
/// Tray rows for annual reviews under way on plans still in force. As for assessments, each step's
/// due date is one stored date plus a fixed number of days (AnnualReviewClock), so each step is one
/// indexed, ordered query.
/// </summary>
public sealed class AnnualReviewWorkItemSource(CaseStoreDbContext db) : IWorkItemSource
{
    private enum Step
    {
        Meeting,
        Decision,
        Proposals,
        FinalAmendedPlan,
    }

    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkTrayFilter filter, DateOnly today, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!Wanted(filter))
        {
            return [];
        }

        var rows = new List<ReviewRow>();
        foreach (var step in Enum.GetValues<Step>())
        {
            rows.AddRange(await Slice(filter, today, step).Take(take).ToListAsync(cancellationToken));
        }

        return rows
            .Select(ToItem)
            .OrderBy(i => i.DueOn)
            .ThenBy(i => i.Reference, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    public async Task<int> CountAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!Wanted(filter))
        {
            return 0;
        }

        var total = 0;
        foreach (var step in Enum.GetValues<Step>())
        {
            total += await Reviews(filter, today, step).CountAsync(cancellationToken);
        }

        return total;
    }

    /// <summary>Plans carry no statutory exception, so asking only for exception cases excludes them.</summary>
    private static bool Wanted(WorkTrayFilter filter) =>
        (filter.Kinds is null || filter.Kinds.Contains(WorkItemKind.AnnualReview)) && filter.InException is not true;

    /// <summary>
    /// One step's reviews in due order. Filters on the plan are a semi-join, so counting reads only
    /// the reviews' pending-step index; the plan and child are joined for the rows shown.
    /// </summary>
    private IQueryable<ReviewRow> Slice(WorkTrayFilter filter, DateOnly today, Step step)
    {
        var rows = from r in Reviews(filter, today, step)
                   join p in db.EhcPlans on r.PlanId equals p.Id
                   join ch in db.Children on p.ChildId equals ch.Id
                   select new { Review = r, Plan = p, Child = ch };
        var ordered = step switch
        {
            Step.Meeting => rows.OrderBy(x => x.Review.DueBy),
            Step.Decision or Step.Proposals => rows.OrderBy(x => x.Review.MeetingHeldOn),
            _ => rows.OrderBy(x => x.Review.AmendmentsProposedOn),
        };
        return ordered
            .ThenBy(x => x.Plan.Reference)
            .Select(x => new ReviewRow(step, x.Plan.Reference, x.Child.KnownAs ?? x.Child.FirstName, x.Child.LastName, x.Review.DueBy, x.Review.MeetingHeldOn, x.Review.AmendmentsProposedOn, x.Plan.CaseworkerId, x.Plan.NamedSchoolId));
    }

    private IQueryable<AnnualReview> Reviews(WorkTrayFilter filter, DateOnly today, Step step)
    {
        var plans = db.EhcPlans.Where(p => p.CeasedOn == null);
        if (filter.AssignedStaffId is { } staffId)
        {
            plans = plans.Where(p => p.CaseworkerId == staffId);
        }

        if (filter.SchoolId is { } schoolId)
        {
            plans = plans.Where(p => p.NamedSchoolId == schoolId);
        }

        var reviews = db.AnnualReviews.AsNoTracking().Where(r => plans.Any(p => p.Id == r.PlanId));
        DateOnly? overdueBefore = filter.OverdueOnly ? today : null;
        return step switch
        {
            Step.Meeting => reviews
                .Where(r => r.MeetingHeldOn == null && r.Decision == null)
                .Where(r => overdueBefore == null || r.DueBy < overdueBefore),
            Step.Decision => reviews
                .Where(r => r.MeetingHeldOn != null && r.Decision == null)
                .Where(r => overdueBefore == null || r.MeetingHeldOn < overdueBefore.Value.AddDays(-AnnualReviewClock.DecisionDays)),
            Step.Proposals => reviews
                .Where(r => r.Decision == ReviewDecision.Amend && r.AmendmentsProposedOn == null)
                .Where(r => overdueBefore == null || r.MeetingHeldOn < overdueBefore.Value.AddDays(-AnnualReviewClock.FinalAmendedPlanFromMeetingDays)),
            _ => reviews
                .Where(r => r.Decision == ReviewDecision.Amend && r.AmendmentsProposedOn != null && r.FinalAmendedPlanIssuedOn == null)
                .Where(r => overdueBefore == null || r.AmendmentsProposedOn < overdueBefore.Value.AddDays(-AnnualReviewClock.FinalAmendedPlanFromProposalsDays)),
        };
    }

    private static WorkItem ToItem(ReviewRow row)
    {
        var (due, nextStep) = row.Step switch
        {
            Step.Meeting => (row.DueBy, "Hold the annual review meeting"),
            Step.Decision => (row.MeetingHeldOn!.Value.AddDays(AnnualReviewClock.DecisionDays), "Decide to maintain, amend or cease the plan"),
            Step.Proposals => (row.MeetingHeldOn!.Value.AddDays(AnnualReviewClock.FinalAmendedPlanFromMeetingDays), "Send the proposed amendments"),
            _ => (row.ProposedOn!.Value.AddDays(AnnualReviewClock.FinalAmendedPlanFromProposalsDays), "Issue the final amended plan"),
        };
        return new WorkItem(
            WorkItemKind.AnnualReview,
            row.Reference,
            $"{row.FirstName} {row.LastName}",
            nextStep,
            due,
            $"/staff/plans/{row.Reference}",
            row.CaseworkerId,
            "annual review",
            row.SchoolId);
    }

    private sealed record ReviewRow(
        Step Step,
        string Reference,
        string FirstName,
        string LastName,
        DateOnly DueBy,
        DateOnly? MeetingHeldOn,
        DateOnly? ProposedOn,
        Guid? CaseworkerId,
        Guid? SchoolId);
}
