using SelfService.Domain.Tests.Assessments;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>Received Monday 5 January 2026: 20 weeks end on Monday 25 May 2026.</summary>
public sealed class StatutoryClockOutcomeTests
{
    private static CaseBuilder Drafted() => Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06");

    [Fact]
    public void A_plan_issued_on_the_last_day_of_week_20_is_within_20_weeks()
    {
        var timeline = Drafted().IssueFinal("2026-05-25").On("2026-06-30");

        Assert.True(timeline.Within20Weeks);
        Assert.Equal(MilestoneStatus.Met, timeline.Get(MilestoneKeys.FinalPlan).Status);
    }

    [Fact]
    public void A_plan_issued_the_day_after_week_20_is_not_within_20_weeks()
    {
        Assert.False(Drafted().IssueFinal("2026-05-26").On("2026-05-26").Within20Weeks);
    }

    [Theory]
    [InlineData("2026-05-25", null)]
    [InlineData("2026-05-26", false)]
    public void An_unissued_plan_is_undecided_until_week_20_has_passed(string asOf, bool? expected)
    {
        Assert.Equal(expected, Drafted().On(asOf).Within20Weeks);
    }

    [Fact]
    public void The_familys_window_is_met_when_they_respond_by_the_last_day()
    {
        var window = Drafted().Representations("2026-03-20").On("2026-03-21").Get(MilestoneKeys.DraftResponseDeadline);

        Assert.Equal((D("2026-03-20"), (DateOnly?)D("2026-03-20"), MilestoneStatus.Met, 0), (window.Due, window.Completed, window.Status, window.DaysOverdue));
    }

    [Fact]
    public void A_response_after_the_last_day_is_recorded_as_late()
    {
        var window = Drafted().Representations("2026-03-23").On("2026-03-23").Get(MilestoneKeys.DraftResponseDeadline);

        Assert.Equal(((DateOnly?)D("2026-03-23"), MilestoneStatus.Late, 3), (window.Completed, window.Status, window.DaysOverdue));
    }

    [Theory]
    // On the last day the window is still open; the next day it has closed, on its last day.
    [InlineData("2026-03-20", null, MilestoneStatus.DueSoon)]
    [InlineData("2026-03-21", "2026-03-20", MilestoneStatus.Met)]
    public void Without_a_response_the_window_closes_after_its_last_day(string asOf, string? completed, MilestoneStatus status)
    {
        var window = Drafted().On(asOf).Get(MilestoneKeys.DraftResponseDeadline);

        Assert.Equal(completed is null ? null : D(completed), window.Completed);
        Assert.Equal(status, window.Status);
        Assert.Equal(0, window.DaysOverdue);
    }

    [Fact]
    public void Issuing_the_final_plan_closes_the_familys_window()
    {
        var window = Drafted().IssueFinal("2026-03-18").On("2026-03-18").Get(MilestoneKeys.DraftResponseDeadline);

        Assert.Equal((DateOnly?)D("2026-03-20"), window.Completed);
        Assert.Equal(MilestoneStatus.Met, window.Status);
    }

    [Fact]
    public void A_refusal_to_assess_leaves_only_the_decision_to_assess()
    {
        var timeline = Received("2026-01-05").RefuseToAssess("2026-02-20").On("2026-07-01");

        var only = Assert.Single(timeline.Milestones);
        Assert.Equal((MilestoneKeys.DecisionToAssess, (DateOnly?)D("2026-02-20"), MilestoneStatus.Late, 4), (only.Key, only.Completed, only.Status, only.DaysOverdue));
        Assert.Null(timeline.Within20Weeks);
    }

    [Fact]
    public void A_decision_not_to_issue_drops_the_draft_and_final_plan_milestones()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .AskAdvice("2026-02-11", "Dr Asha Patel").AdviceIn("2026-03-20", "Dr Asha Patel")
            .DecideNotToIssue("2026-04-20").On("2026-07-01");

        Assert.Equal([MilestoneKeys.DecisionToAssess, MilestoneKeys.Advice, MilestoneKeys.DecisionToIssue], timeline.Keys());
        Assert.Equal(MilestoneStatus.Met, timeline.Get(MilestoneKeys.DecisionToIssue).Status);
        Assert.Null(timeline.Within20Weeks);
    }

    [Fact]
    public void Advice_never_received_is_not_left_overdue_once_the_case_has_closed()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .AskAdvice("2026-02-11", "Dr Asha Patel").DecideNotToIssue("2026-04-20").On("2026-07-01");

        Assert.Null(timeline.Find(MilestoneKeys.Advice));
    }

    [Fact]
    public void A_withdrawal_keeps_what_was_done_and_drops_what_was_not()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .AskAdvice("2026-02-11", "Dr Asha Patel").AdviceIn("2026-03-02", "Dr Asha Patel")
            .AskAdvice("2026-02-12", "Social care")
            .Withdraw("2026-03-10").On("2026-07-01");

        Assert.Equal([MilestoneKeys.DecisionToAssess, MilestoneKeys.Advice], timeline.Keys());
        Assert.Equal("Dr Asha Patel", timeline.Get(MilestoneKeys.Advice).Subject);
        Assert.Null(timeline.Within20Weeks);
    }

    [Theory]
    // Withdrawn while the family's window was open: the window never closed, so it is dropped.
    [InlineData("2026-03-15", false)]
    // Withdrawn after it had run out: it closed on its last day and stays on the record.
    [InlineData("2026-03-25", true)]
    public void A_withdrawal_keeps_the_familys_window_only_if_it_had_already_closed(string withdrawn, bool kept)
    {
        var timeline = Drafted().Withdraw(withdrawn).On("2026-07-01");

        Assert.Equal(kept, timeline.Find(MilestoneKeys.DraftResponseDeadline) is { Completed: { } closed } && closed == D("2026-03-20"));
        Assert.Null(timeline.Find(MilestoneKeys.FinalPlan));
    }
}
