using SelfService.Domain.Tests.Assessments;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>Every expected date below was checked against a calendar; deadlines are plain calendar days.</summary>
public sealed class StatutoryClockDeadlineTests
{
    [Theory]
    // The reference example: Monday 5 January 2026. Week 20 is the spring bank holiday and does not move.
    [InlineData("2026-01-05", "2026-02-16", "2026-04-27", "2026-05-25")]
    // Leap year: the 6 weeks cross 29 February 2028.
    [InlineData("2028-01-20", "2028-03-02", "2028-05-11", "2028-06-08")]
    // Month end: received Saturday 31 January 2026.
    [InlineData("2026-01-31", "2026-03-14", "2026-05-23", "2026-06-20")]
    // Saturday before the clocks go forward (29 March 2026): no hour is lost from a date.
    [InlineData("2026-03-28", "2026-05-09", "2026-07-18", "2026-08-15")]
    // Saturday before the clocks go back (25 October 2026).
    [InlineData("2026-10-24", "2026-12-05", "2027-02-13", "2027-03-13")]
    // Week 20 on Christmas Day 2026 stays on Christmas Day.
    [InlineData("2026-08-07", "2026-09-18", "2026-11-27", "2026-12-25")]
    public void Deadlines_are_6_16_and_20_weeks_from_the_day_the_request_was_received(string received, string sixWeeks, string sixteenWeeks, string twentyWeeks)
    {
        var timeline = Received(received).AgreeToAssess(received).On(received);

        Assert.Equal(D(sixWeeks), timeline.Get(MilestoneKeys.DecisionToAssess).Due);
        Assert.Equal(D(sixteenWeeks), timeline.Get(MilestoneKeys.DecisionToIssue).Due);
        Assert.Equal(D(twentyWeeks), timeline.Get(MilestoneKeys.FinalPlan).Due);
    }

    [Fact]
    public void A_week_20_deadline_on_a_bank_holiday_is_not_moved_to_the_next_working_day()
    {
        // Monday 25 May 2026 is the spring bank holiday.
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-04-20").IssueFinal("2026-05-26").On("2026-05-26");

        var finalPlan = timeline.Get(MilestoneKeys.FinalPlan);
        Assert.Equal(D("2026-05-25"), finalPlan.Due);
        Assert.Equal(MilestoneStatus.Late, finalPlan.Status);
        Assert.Equal(1, finalPlan.DaysOverdue);
        Assert.False(timeline.Within20Weeks);
    }

    [Fact]
    public void Before_the_decision_to_assess_only_that_decision_and_the_20_week_plan_are_tracked()
    {
        var timeline = Received("2026-01-05").On("2026-01-06");

        Assert.Equal([MilestoneKeys.DecisionToAssess, MilestoneKeys.FinalPlan], timeline.Keys());
    }

    [Theory]
    [InlineData("2026-02-11", "2026-03-25")]
    // Crosses 29 February 2028.
    [InlineData("2028-02-15", "2028-03-28")]
    // From the last day of a month.
    [InlineData("2026-03-31", "2026-05-12")]
    public void Advice_is_due_6_weeks_after_it_was_asked_for(string requested, string due)
    {
        var received = D(requested).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var timeline = Received(received).AgreeToAssess(received).AskAdvice(requested, "Dr Asha Patel").On(requested);

        var advice = timeline.Get(MilestoneKeys.Advice);
        Assert.Equal(D(due), advice.Due);
        Assert.Equal("Dr Asha Patel", advice.Subject);
        Assert.Null(advice.Completed);
    }

    [Fact]
    public void Each_request_for_advice_has_its_own_milestone_completed_by_its_own_advice()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .AskAdvice("2026-02-11", "Dr Asha Patel")
            .AskAdvice("2026-02-20", "Community paediatrics", Domain.Assessments.AdviserKind.Health)
            .AdviceIn("2026-03-20", "Community paediatrics")
            .On("2026-03-26");

        var advice = timeline.Milestones.Where(m => m.Key == MilestoneKeys.Advice).ToList();
        Assert.Equal(2, advice.Count);
        Assert.Equal(("Dr Asha Patel", D("2026-03-25"), (DateOnly?)null, MilestoneStatus.Overdue, 1), (advice[0].Subject, advice[0].Due, advice[0].Completed, advice[0].Status, advice[0].DaysOverdue));
        Assert.Equal(("Community paediatrics", D("2026-04-03"), (DateOnly?)D("2026-03-20"), MilestoneStatus.Met, 0), (advice[1].Subject, advice[1].Due, advice[1].Completed, advice[1].Status, advice[1].DaysOverdue));
    }

    [Fact]
    public void Serving_a_draft_without_a_recorded_decision_completes_the_decision_to_issue_on_the_first_draft()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").ServeDraft("2026-03-27").On("2026-03-30");

        var decision = timeline.Get(MilestoneKeys.DecisionToIssue);
        Assert.Equal(D("2026-03-06"), decision.Completed);
        Assert.Equal(MilestoneStatus.Met, decision.Status);
    }

    [Fact]
    public void An_explicit_decision_to_issue_completes_the_16_week_milestone_on_its_own_date()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10").DecideToIssue("2026-04-28").On("2026-04-28");

        var decision = timeline.Get(MilestoneKeys.DecisionToIssue);
        Assert.Equal(D("2026-04-28"), decision.Completed);
        Assert.Equal(MilestoneStatus.Late, decision.Status);
        Assert.Equal(1, decision.DaysOverdue);
        Assert.Null(timeline.Find(MilestoneKeys.DraftResponseDeadline));
    }

    [Theory]
    // 15 days beginning with the day of service: Friday 6 March → Friday 20 March 2026.
    [InlineData("2026-03-06", "2026-03-20")]
    // Across the end of February in a common year and in a leap year.
    [InlineData("2026-02-20", "2026-03-06")]
    [InlineData("2028-02-20", "2028-03-05")]
    public void The_family_has_until_the_15th_day_beginning_with_the_day_the_draft_was_served(string served, string lastDay)
    {
        var received = D(served).AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var timeline = Received(received).AgreeToAssess(received).ServeDraft(served).On(served);

        var window = timeline.Get(MilestoneKeys.DraftResponseDeadline);
        Assert.Equal(D(lastDay), window.Due);
        Assert.Null(window.Completed);
        Assert.Equal(MilestoneStatus.DueSoon, window.Status);
    }

    [Fact]
    public void An_amended_draft_restarts_the_familys_window_from_the_last_draft()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .ServeDraft("2026-03-06").Representations("2026-03-10").ServeDraft("2026-03-27").On("2026-03-30");

        var window = timeline.Get(MilestoneKeys.DraftResponseDeadline);
        Assert.Equal(D("2026-04-10"), window.Due);
        Assert.Null(window.Completed);
        Assert.Equal(MilestoneStatus.DueSoon, window.Status);
    }
}
