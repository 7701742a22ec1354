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
            total += await Slice(filter, today, step).CountAsync(cancellationToken);
        }

        return total;
    }

    /// <summary>Plans carry no statutory exception, so asking only for exception cases excludes them.</summary>
    private static bool Wanted(WorkTrayFilter filter) =>
        (filter.Kinds is null || filter.Kinds.Contains(WorkItemKind.AnnualReview)) && filter.InException is not true;

    private IQueryable<ReviewRow> Slice(WorkTrayFilter filter, DateOnly today, Step step)
    {
        var reviews = from r in db.AnnualReviews.AsNoTracking()
                      join p in db.EhcPlans on r.PlanId equals p.Id
                      join ch in db.Children on p.ChildId equals ch.Id
                      where p.CeasedOn == null
                      select new { Review = r, Plan = p, Child = ch };
        if (filter.AssignedStaffId is { } staffId)
        {
            reviews = reviews.Where(x => x.Plan.CaseworkerId == staffId);
        }

        if (filter.SchoolId is { } schoolId)
        {
            reviews = reviews.Where(x => x.Plan.NamedSchoolId == schoolId);
        }

        DateOnly? overdueBefore = filter.OverdueOnly ? today : null;
        var ordered = step switch
        {
            Step.Meeting => reviews
                .Where(x => x.Review.MeetingHeldOn == null && x.Review.Decision == null)
                .Where(x => overdueBefore == null || x.Review.DueBy < overdueBefore)
                .OrderBy(x => x.Review.DueBy),
            Step.Decision => reviews
                .Where(x => x.Review.MeetingHeldOn != null && x.Review.Decision == null)
                .Where(x => overdueBefore == null || x.Review.MeetingHeldOn < overdueBefore.Value.AddDays(-AnnualReviewClock.DecisionDays))
                .OrderBy(x => x.Review.MeetingHeldOn),
            Step.Proposals => reviews
                .Where(x => x.Review.Decision == ReviewDecision.Amend && x.Review.AmendmentsProposedOn == null)
                .Where(x => overdueBefore == null || x.Review.MeetingHeldOn < overdueBefore.Value.AddDays(-AnnualReviewClock.FinalAmendedPlanFromMeetingDays))
                .OrderBy(x => x.Review.MeetingHeldOn),
            _ => reviews
                .Where(x => x.Review.Decision == ReviewDecision.Amend && x.Review.AmendmentsProposedOn != null && x.Review.FinalAmendedPlanIssuedOn == null)
                .Where(x => overdueBefore == null || x.Review.AmendmentsProposedOn < overdueBefore.Value.AddDays(-AnnualReviewClock.FinalAmendedPlanFromProposalsDays))
                .OrderBy(x => x.Review.AmendmentsProposedOn),
        };
        return ordered
            .ThenBy(x => x.Plan.Reference)
            .Select(x => new ReviewRow(step, x.Plan.Reference, x.Child.KnownAs ?? x.Child.FirstName, x.Child.LastName, x.Review.DueBy, x.Review.MeetingHeldOn, x.Review.AmendmentsProposedOn, x.Plan.CaseworkerId, x.Plan.NamedSchoolId));
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
