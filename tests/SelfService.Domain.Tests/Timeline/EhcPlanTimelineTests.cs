using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>A plan issued on Thursday 29 February 2024, first reviewed at a meeting on 20 February 2025.</summary>
public sealed class EhcPlanTimelineTests
{
    private static EhcPlan NewPlan() => new(Guid.NewGuid(), "EHCP-0042", Guid.NewGuid(), null, D("2024-02-29"), Guid.NewGuid());

    private static EhcPlan ReviewedOnce()
    {
        var plan = NewPlan();
        var review = plan.StartReview(Guid.NewGuid(), D("2025-02-28"));
        plan.Change(review.Id, r => r.RecordMeeting(D("2025-02-20")));
        plan.Change(review.Id, r => r.RecordDecision(ReviewDecision.Maintain, D("2025-03-05")));
        return plan;
    }

    [Fact]
    public void A_new_plan_is_next_reviewed_within_12_months_starting_with_its_issue()
    {
        Assert.Equal(D("2025-02-28"), NewPlan().NextReviewDueOn());
    }

    [Fact]
    public void After_a_review_meeting_the_next_review_runs_from_that_meeting()
    {
        Assert.Equal(D("2026-02-19"), ReviewedOnce().NextReviewDueOn());
    }

    [Fact]
    public void A_ceased_plan_has_no_next_review()
    {
        var plan = NewPlan();
        plan.Cease(D("2024-09-01"));

        Assert.Null(plan.NextReviewDueOn());
    }

    [Fact]
    public void With_no_review_in_progress_the_input_is_for_the_next_review_from_the_last_meeting()
    {
        var input = ReviewedOnce().ToTimelineInput();

        Assert.Equal(new AnnualReviewTimelineInput(D("2024-02-29"), D("2025-02-20"), null, null, null, null, null, null), input);
        Assert.Equal(D("2026-02-19"), AnnualReviewClock.Calculate(input, D("2025-06-01")).Milestones[0].Due);
    }

    [Fact]
    public void A_review_in_progress_is_measured_from_the_previous_meeting_and_carries_its_own_dates()
    {
        var plan = ReviewedOnce();
        plan.PlanPhaseTransfer(new PhaseTransfer(PhaseTransferKind.School, 2027));
        var review = plan.StartReview(Guid.NewGuid(), D("2026-02-19"));
        plan.Change(review.Id, r => r.RecordMeeting(D("2026-02-10")));
        plan.Change(review.Id, r => r.RecordDecision(ReviewDecision.Amend, D("2026-03-01")));
        plan.Change(review.Id, r => r.ProposeAmendments(D("2026-03-02")));

        var input = plan.ToTimelineInput();

        Assert.Equal(
            new AnnualReviewTimelineInput(
                D("2024-02-29"), D("2025-02-20"), D("2026-02-10"), ReviewDecision.Amend, D("2026-03-01"), D("2026-03-02"), null, new PhaseTransfer(PhaseTransferKind.School, 2027)),
            input);

        var timeline = AnnualReviewClock.Calculate(input, D("2026-03-03"));
        Assert.Equal(
            [
                (MilestoneKeys.NextReviewDue, D("2026-02-19"), MilestoneStatus.Met),
                (MilestoneKeys.DecisionDue, D("2026-03-10"), MilestoneStatus.Met),
                (MilestoneKeys.AmendmentResponseDeadline, D("2026-03-16"), MilestoneStatus.DueSoon),
                (MilestoneKeys.FinalAmendedPlanDue, D("2026-04-27"), MilestoneStatus.Pending),
                (MilestoneKeys.PhaseTransferDeadline, D("2027-02-15"), MilestoneStatus.Pending),
            ],
            timeline.Milestones.Select(m => (m.Key, m.Due, m.Status)));
        Assert.Equal(D("2027-02-09"), plan.NextReviewDueOn());
    }
}
