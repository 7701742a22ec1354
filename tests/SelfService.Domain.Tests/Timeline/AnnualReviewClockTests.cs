using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>A plan issued Wednesday 10 June 2025, reviewed at a meeting on Wednesday 20 May 2026.</summary>
public sealed class AnnualReviewClockTests
{
    private static readonly AnnualReviewTimelineInput Issued = new(D("2025-06-10"), null, null, null, null, null, null, null);

    private static readonly AnnualReviewTimelineInput Met = Issued with { ReviewMeeting = D("2026-05-20") };

    private static readonly AnnualReviewTimelineInput Amending = Met with { Decision = ReviewDecision.Amend, DecisionNotified = D("2026-06-03") };

    private static readonly AnnualReviewTimelineInput Proposed = Amending with { AmendmentsProposed = D("2026-06-10") };

    private static Milestone Get(AnnualReviewTimeline timeline, string key) =>
        timeline.Find(key) ?? throw new Xunit.Sdk.XunitException($"No {key} milestone.");

    [Theory]
    [InlineData("2025-06-10", "2026-06-09")]
    // 29 February's anniversary in a common year is 1 March, so the period ends on 28 February.
    [InlineData("2024-02-29", "2025-02-28")]
    [InlineData("2028-02-29", "2029-02-28")]
    // The day before 1 March in a leap year is 29 February.
    [InlineData("2023-03-01", "2024-02-29")]
    [InlineData("2027-03-01", "2028-02-29")]
    [InlineData("2024-02-28", "2025-02-27")]
    [InlineData("2027-02-28", "2028-02-27")]
    [InlineData("2025-12-31", "2026-12-30")]
    [InlineData("2026-01-01", "2026-12-31")]
    public void The_review_is_due_by_the_last_day_of_12_months_starting_with_the_anchor(string anchor, string dueBy)
    {
        Assert.Equal(D(dueBy), AnnualReviewClock.ReviewDueBy(D(anchor)));
    }

    [Fact]
    public void Before_any_meeting_only_the_review_is_tracked_from_the_date_the_plan_was_issued()
    {
        var timeline = AnnualReviewClock.Calculate(Issued, D("2026-03-01"));

        var review = Assert.Single(timeline.Milestones);
        Assert.Equal((MilestoneKeys.NextReviewDue, D("2026-06-09"), MilestoneStatus.Pending), (review.Key, review.Due, review.Status));
    }

    [Fact]
    public void A_later_review_period_starts_with_the_last_review_meeting()
    {
        var timeline = AnnualReviewClock.Calculate(Issued with { LastReviewMeeting = D("2024-02-29") }, D("2025-03-01"));

        var review = Get(timeline, MilestoneKeys.NextReviewDue);
        Assert.Equal(D("2025-02-28"), review.Due);
        Assert.Equal((MilestoneStatus.Overdue, 1), (review.Status, review.DaysOverdue));
    }

    [Theory]
    [InlineData("2026-06-09", MilestoneStatus.Met, 0)]
    [InlineData("2026-06-10", MilestoneStatus.Late, 1)]
    public void The_review_meeting_completes_the_review_milestone(string meeting, MilestoneStatus status, int daysOverdue)
    {
        var review = Get(AnnualReviewClock.Calculate(Issued with { ReviewMeeting = D(meeting) }, D("2026-06-12")), MilestoneKeys.NextReviewDue);

        Assert.Equal(((DateOnly?)D(meeting), status, daysOverdue), (review.Completed, review.Status, review.DaysOverdue));
    }

    [Theory]
    [InlineData("2026-05-20", "2026-06-17")]
    // Across 29 February 2028.
    [InlineData("2028-02-10", "2028-03-09")]
    public void The_decision_is_due_4_weeks_after_the_meeting(string meeting, string due)
    {
        var decision = Get(AnnualReviewClock.Calculate(Issued with { ReviewMeeting = D(meeting) }, D(meeting)), MilestoneKeys.DecisionDue);

        Assert.Equal(D(due), decision.Due);
        Assert.Equal(MilestoneStatus.Pending, decision.Status);
    }

    [Fact]
    public void Notifying_the_decision_completes_it()
    {
        var decision = Get(AnnualReviewClock.Calculate(Amending, D("2026-06-04")), MilestoneKeys.DecisionDue);

        Assert.Equal(((DateOnly?)D("2026-06-03"), MilestoneStatus.Met), (decision.Completed, decision.Status));
    }

    [Fact]
    public void A_decision_to_maintain_has_no_amendment_milestones()
    {
        var timeline = AnnualReviewClock.Calculate(Met with { Decision = ReviewDecision.Maintain, DecisionNotified = D("2026-06-10") }, D("2026-06-11"));

        Assert.Equal([MilestoneKeys.NextReviewDue, MilestoneKeys.DecisionDue], timeline.Milestones.Select(m => m.Key));
    }

    [Fact]
    public void Before_proposals_are_sent_the_final_amended_plan_is_due_12_weeks_after_the_meeting()
    {
        var timeline = AnnualReviewClock.Calculate(Amending, D("2026-06-04"));

        Assert.Equal(D("2026-08-12"), Get(timeline, MilestoneKeys.FinalAmendedPlanDue).Due);
        Assert.Null(timeline.Find(MilestoneKeys.AmendmentResponseDeadline));
    }

    [Fact]
    public void Once_proposals_are_sent_the_final_amended_plan_is_due_8_weeks_after_them()
    {
        var timeline = AnnualReviewClock.Calculate(Proposed, D("2026-06-10"));

        Assert.Equal(D("2026-08-05"), Get(timeline, MilestoneKeys.FinalAmendedPlanDue).Due);
    }

    [Fact]
    public void Proposals_sent_late_still_get_8_weeks_from_sending()
    {
        var timeline = AnnualReviewClock.Calculate(Amending with { AmendmentsProposed = D("2026-07-01") }, D("2026-07-01"));

        Assert.Equal(D("2026-08-26"), Get(timeline, MilestoneKeys.FinalAmendedPlanDue).Due);
    }

    [Theory]
    [InlineData("2026-08-05", MilestoneStatus.Met, 0)]
    [InlineData("2026-08-07", MilestoneStatus.Late, 2)]
    public void The_final_amended_plan_completes_its_milestone(string issued, MilestoneStatus status, int daysOverdue)
    {
        var milestone = Get(AnnualReviewClock.Calculate(Proposed with { FinalAmendedPlan = D(issued) }, D("2026-09-01")), MilestoneKeys.FinalAmendedPlanDue);

        Assert.Equal(((DateOnly?)D(issued), status, daysOverdue), (milestone.Completed, milestone.Status, milestone.DaysOverdue));
    }

    [Fact]
    public void An_unissued_amended_plan_goes_overdue()
    {
        var milestone = Get(AnnualReviewClock.Calculate(Amending, D("2026-08-20")), MilestoneKeys.FinalAmendedPlanDue);

        Assert.Equal((MilestoneStatus.Overdue, 8), (milestone.Status, milestone.DaysOverdue));
    }

    [Theory]
    // 15 days beginning with Wednesday 10 June: the last day is Wednesday 24 June 2026.
    [InlineData("2026-06-24", null, MilestoneStatus.DueSoon)]
    [InlineData("2026-06-25", "2026-06-24", MilestoneStatus.Met)]
    public void The_familys_window_on_the_proposals_closes_after_15_days(string asOf, string? completed, MilestoneStatus status)
    {
        var window = Get(AnnualReviewClock.Calculate(Proposed, D(asOf)), MilestoneKeys.AmendmentResponseDeadline);

        Assert.Equal(D("2026-06-24"), window.Due);
        Assert.Equal(completed is null ? null : D(completed), window.Completed);
        Assert.Equal(status, window.Status);
    }

    [Fact]
    public void Issuing_the_amended_plan_closes_the_familys_window()
    {
        var window = Get(AnnualReviewClock.Calculate(Proposed with { FinalAmendedPlan = D("2026-06-20") }, D("2026-06-20")), MilestoneKeys.AmendmentResponseDeadline);

        Assert.Equal(((DateOnly?)D("2026-06-24"), MilestoneStatus.Met), (window.Completed, window.Status));
    }

    [Theory]
    [InlineData(PhaseTransferKind.School, 2027, "2027-02-15")]
    [InlineData(PhaseTransferKind.PostSixteen, 2027, "2027-03-31")]
    [InlineData(PhaseTransferKind.School, 2028, "2028-02-15")]
    public void A_phase_transfer_must_be_settled_by_15_February_or_31_March_of_the_year_of_transfer(PhaseTransferKind kind, int year, string due)
    {
        var timeline = AnnualReviewClock.Calculate(Issued with { PhaseTransfer = new PhaseTransfer(kind, year) }, D("2026-03-01"));

        var transfer = Get(timeline, MilestoneKeys.PhaseTransferDeadline);
        Assert.Equal(D(due), transfer.Due);
        Assert.Null(transfer.Completed);
        Assert.Equal(MilestoneStatus.Pending, transfer.Status);
    }

    [Fact]
    public void The_final_amended_plan_completes_the_phase_transfer()
    {
        var input = Proposed with { FinalAmendedPlan = D("2026-08-01"), PhaseTransfer = new PhaseTransfer(PhaseTransferKind.School, 2027) };

        var transfer = Get(AnnualReviewClock.Calculate(input, D("2026-08-02")), MilestoneKeys.PhaseTransferDeadline);

        Assert.Equal(((DateOnly?)D("2026-08-01"), MilestoneStatus.Met), (transfer.Completed, transfer.Status));
    }

    [Fact]
    public void An_unsettled_phase_transfer_goes_overdue_after_15_February()
    {
        var transfer = Get(
            AnnualReviewClock.Calculate(Amending with { PhaseTransfer = new PhaseTransfer(PhaseTransferKind.School, 2027) }, D("2027-02-16")),
            MilestoneKeys.PhaseTransferDeadline);

        Assert.Equal((MilestoneStatus.Overdue, 1), (transfer.Status, transfer.DaysOverdue));
    }

    [Fact]
    public void Next_step_before_the_meeting_names_the_review_date()
    {
        Assert.Equal("The council must hold the next annual review meeting by Tuesday 9 June 2026.", AnnualReviewClock.Calculate(Issued, D("2026-03-01")).NextStep);
    }

    [Fact]
    public void Next_step_for_a_late_review_says_by_how_much()
    {
        Assert.Equal(
            "The council should have held the annual review meeting by Tuesday 9 June 2026. It is 3 days late; the council must hold it as soon as possible.",
            AnnualReviewClock.Calculate(Issued, D("2026-06-12")).NextStep);
    }

    [Fact]
    public void Next_step_after_the_meeting_is_the_decision_with_its_date()
    {
        Assert.Equal(
            "The council must tell you by Wednesday 17 June 2026 whether it will keep the plan as it is, change it or stop maintaining it.",
            AnnualReviewClock.Calculate(Met, D("2026-05-21")).NextStep);
    }

    [Fact]
    public void Next_step_after_a_decision_to_maintain_gives_the_next_review_date()
    {
        Assert.Equal(
            "The council decided on Wednesday 10 June 2026 to keep the plan as it is. The next annual review meeting must be held by Wednesday 19 May 2027.",
            AnnualReviewClock.Calculate(Met with { Decision = ReviewDecision.Maintain, DecisionNotified = D("2026-06-10") }, D("2026-06-11")).NextStep);
    }

    [Fact]
    public void Next_step_after_a_decision_to_cease_gives_the_right_to_appeal()
    {
        var nextStep = AnnualReviewClock.Calculate(Met with { Decision = ReviewDecision.Cease, DecisionNotified = D("2026-06-10") }, D("2026-06-11")).NextStep;

        Assert.StartsWith("The council decided on Wednesday 10 June 2026 to stop maintaining the plan. You can appeal to the SEND Tribunal.", nextStep, StringComparison.Ordinal);
        Assert.Contains("mediation adviser", nextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_step_before_proposals_are_sent_gives_the_12_week_date()
    {
        Assert.Equal(
            "The council has decided to amend the plan and must send you the proposed changes. The council must issue the final amended plan by Wednesday 12 August 2026.",
            AnnualReviewClock.Calculate(Amending, D("2026-06-04")).NextStep);
    }

    [Fact]
    public void Next_step_with_proposals_out_gives_the_familys_last_day_and_the_8_week_date()
    {
        Assert.Equal(
            "You have until Wednesday 24 June 2026 to comment on the proposed changes to the plan, ask for a meeting and say which school or setting you want named. " +
            "The council must issue the final amended plan by Wednesday 5 August 2026.",
            AnnualReviewClock.Calculate(Proposed, D("2026-06-11")).NextStep);
    }

    [Fact]
    public void Next_step_mentions_a_coming_phase_transfer_with_its_date()
    {
        var nextStep = AnnualReviewClock.Calculate(Proposed with { PhaseTransfer = new PhaseTransfer(PhaseTransferKind.School, 2027) }, D("2026-06-30")).NextStep;

        Assert.Equal(
            "The council must issue the final amended plan by Wednesday 5 August 2026. " +
            "Because of the move to a new school phase, the plan must be amended to name the new school or setting by Monday 15 February 2027.",
            nextStep);
    }

    [Fact]
    public void Next_step_after_the_amended_plan_gives_the_next_review_date()
    {
        var nextStep = AnnualReviewClock.Calculate(Proposed with { FinalAmendedPlan = D("2026-08-01") }, D("2026-08-02")).NextStep;

        Assert.StartsWith("The final amended plan was issued on Saturday 1 August 2026.", nextStep, StringComparison.Ordinal);
        Assert.EndsWith("The next annual review meeting must be held by Wednesday 19 May 2027.", nextStep, StringComparison.Ordinal);
    }
}
