using SelfService.Domain.Tests.Assessments;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>Received Monday 5 January 2026: the decision to assess is due Monday 16 February 2026.</summary>
public sealed class StatutoryClockStatusTests
{
    [Theory]
    [InlineData("2026-01-05", MilestoneStatus.Pending, 0)]
    // 15 days before: still pending.
    [InlineData("2026-02-01", MilestoneStatus.Pending, 0)]
    // Exactly 14 days before: due soon.
    [InlineData("2026-02-02", MilestoneStatus.DueSoon, 0)]
    [InlineData("2026-02-16", MilestoneStatus.DueSoon, 0)]
    [InlineData("2026-02-17", MilestoneStatus.Overdue, 1)]
    [InlineData("2026-03-01", MilestoneStatus.Overdue, 13)]
    public void An_outstanding_decision_is_pending_due_soon_or_overdue_by_the_days_since_it_was_due(string asOf, MilestoneStatus status, int daysOverdue)
    {
        var milestone = Received("2026-01-05").On(asOf).Get(MilestoneKeys.DecisionToAssess);

        Assert.Equal(D("2026-02-16"), milestone.Due);
        Assert.Null(milestone.Completed);
        Assert.Equal(status, milestone.Status);
        Assert.Equal(daysOverdue, milestone.DaysOverdue);
    }

    [Theory]
    [InlineData("2026-01-20", MilestoneStatus.Met, 0)]
    // On the due day is in time.
    [InlineData("2026-02-16", MilestoneStatus.Met, 0)]
    [InlineData("2026-02-17", MilestoneStatus.Late, 1)]
    [InlineData("2026-03-01", MilestoneStatus.Late, 13)]
    public void A_completed_decision_is_met_or_late_by_the_days_after_it_was_due(string decided, MilestoneStatus status, int daysOverdue)
    {
        // Judged long afterwards: lateness is measured at completion, not on the as-of date.
        var milestone = Received("2026-01-05").AgreeToAssess(decided).On("2026-06-30").Get(MilestoneKeys.DecisionToAssess);

        Assert.Equal(D(decided), milestone.Completed);
        Assert.Equal(status, milestone.Status);
        Assert.Equal(daysOverdue, milestone.DaysOverdue);
    }

    [Fact]
    public void A_milestone_is_overdue_by_the_days_from_its_due_date_to_the_as_of_date()
    {
        var timeline = Received("2026-01-05").AgreeToAssess("2026-02-10").On("2026-06-11");

        var finalPlan = timeline.Get(MilestoneKeys.FinalPlan);
        Assert.Equal(MilestoneStatus.Overdue, finalPlan.Status);
        Assert.Equal(17, finalPlan.DaysOverdue);
        var decision = timeline.Get(MilestoneKeys.DecisionToIssue);
        Assert.Equal(MilestoneStatus.Overdue, decision.Status);
        Assert.Equal(45, decision.DaysOverdue);
    }

    [Fact]
    public void The_clock_reads_the_same_from_events_as_from_the_case()
    {
        var built = Received("2026-01-05").AgreeToAssess("2026-02-10");

        var direct = StatutoryClock.Calculate(built.Case.Events, D("2026-03-01"));

        Assert.Equal(built.On("2026-03-01").Milestones, direct.Milestones);
    }
}
