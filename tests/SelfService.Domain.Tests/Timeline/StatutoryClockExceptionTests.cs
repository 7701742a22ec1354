using SelfService.Domain.Assessments;
using SelfService.Domain.Tests.Assessments;
using SelfService.Domain.Timeline;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>
/// Received Monday 11 May 2026: decision to assess due Monday 22 June, decision to issue due
/// Monday 31 August, final plan due Monday 28 September 2026. The school closes on 22 July and
/// reopens on 3 September 2026, so the closure exception runs from 15 July to 27 August (Regs 8(2)(a)).
/// </summary>
public sealed class StatutoryClockExceptionTests
{
    private const string SummerHoliday = "Oakfield Primary is closed for the summer holiday from 22 July to 3 September 2026.";

    private static CaseBuilder AssessedInJune() =>
        Received("2026-05-11").AgreeToAssess("2026-06-15").AskAdvice("2026-06-16", "Oakfield Primary School", AdviserKind.SchoolOrSetting);

    [Fact]
    public void A_summer_closure_flags_the_advice_and_later_deadlines_but_not_a_decision_made_in_June()
    {
        var timeline = AssessedInJune().Exception("2026-07-15", ExceptionKind.SchoolClosure, SummerHoliday, "2026-08-27").On("2026-09-01");

        var decisionToAssess = timeline.Get(MilestoneKeys.DecisionToAssess);
        Assert.Equal((D("2026-06-22"), MilestoneStatus.Met, false), (decisionToAssess.Due, decisionToAssess.Status, decisionToAssess.ExceptionApplies));

        var advice = timeline.Get(MilestoneKeys.Advice);
        Assert.Equal((D("2026-07-28"), MilestoneStatus.Overdue, 35, true), (advice.Due, advice.Status, advice.DaysOverdue, advice.ExceptionApplies));

        var decisionToIssue = timeline.Get(MilestoneKeys.DecisionToIssue);
        Assert.Equal((D("2026-08-31"), MilestoneStatus.Overdue, 1, true), (decisionToIssue.Due, decisionToIssue.Status, decisionToIssue.DaysOverdue, decisionToIssue.ExceptionApplies));

        // The exception does not move the 20-week date: the council must still act as soon as practicable.
        var finalPlan = timeline.Get(MilestoneKeys.FinalPlan);
        Assert.Equal((D("2026-09-28"), MilestoneStatus.Pending, true), (finalPlan.Due, finalPlan.Status, finalPlan.ExceptionApplies));
    }

    [Fact]
    public void Advice_received_before_the_closure_began_is_not_flagged()
    {
        var timeline = AssessedInJune().AdviceIn("2026-07-10", "Oakfield Primary School")
            .Exception("2026-07-15", ExceptionKind.SchoolClosure, SummerHoliday, "2026-08-27").On("2026-09-01");

        var advice = timeline.Get(MilestoneKeys.Advice);
        Assert.Equal(MilestoneStatus.Met, advice.Status);
        Assert.False(advice.ExceptionApplies);
        Assert.True(timeline.Get(MilestoneKeys.FinalPlan).ExceptionApplies);
    }

    [Fact]
    public void A_missed_appointment_flags_only_the_advice_deadline()
    {
        var timeline = Received("2026-05-11").AgreeToAssess("2026-05-20")
            .AskAdvice("2026-06-16", "Dr Asha Patel")
            .Exception("2026-07-01", ExceptionKind.MissedAppointment, "The appointment with the educational psychologist on 1 July was missed.", "2026-07-08")
            .On("2026-07-20");

        Assert.True(timeline.Get(MilestoneKeys.Advice).ExceptionApplies);
        Assert.False(timeline.Get(MilestoneKeys.DecisionToAssess).ExceptionApplies);
        Assert.False(timeline.Get(MilestoneKeys.DecisionToIssue).ExceptionApplies);
        Assert.False(timeline.Get(MilestoneKeys.FinalPlan).ExceptionApplies);
    }

    [Fact]
    public void An_exception_ended_early_only_covers_deadlines_whose_period_it_overlapped()
    {
        var timeline = Received("2026-05-11")
            .Exception("2026-05-20", ExceptionKind.ExceptionalPersonalCircumstances, "Bereavement in the family.")
            .EndException("2026-06-01", "Bereavement in the family.")
            .AgreeToAssess("2026-06-30")
            .AskAdvice("2026-07-01", "Dr Asha Patel")
            .On("2026-07-02");

        var decisionToAssess = timeline.Get(MilestoneKeys.DecisionToAssess);
        Assert.True(decisionToAssess.ExceptionApplies);
        Assert.Equal(MilestoneStatus.Late, decisionToAssess.Status);
        Assert.Equal(8, decisionToAssess.DaysOverdue);
        Assert.False(timeline.Get(MilestoneKeys.Advice).ExceptionApplies);
        Assert.True(timeline.Get(MilestoneKeys.FinalPlan).ExceptionApplies);
    }

    [Fact]
    public void An_exception_starting_after_a_deadline_passed_does_not_excuse_it()
    {
        var timeline = Received("2026-05-11")
            .Exception("2026-07-01", ExceptionKind.AbsentFromArea, "The family are abroad for six weeks.")
            .On("2026-07-10");

        var decisionToAssess = timeline.Get(MilestoneKeys.DecisionToAssess);
        Assert.Equal(MilestoneStatus.Overdue, decisionToAssess.Status);
        Assert.False(decisionToAssess.ExceptionApplies);
        Assert.True(timeline.Get(MilestoneKeys.FinalPlan).ExceptionApplies);
    }

    [Fact]
    public void An_exception_never_shortens_or_flags_the_familys_window_on_the_draft()
    {
        var timeline = Received("2026-05-11").AgreeToAssess("2026-06-15")
            .Exception("2026-07-15", ExceptionKind.ExceptionalPersonalCircumstances, "Parent in hospital.")
            .ServeDraft("2026-07-20").On("2026-07-21");

        var window = timeline.Get(MilestoneKeys.DraftResponseDeadline);
        Assert.Equal(D("2026-08-03"), window.Due);
        Assert.False(window.ExceptionApplies);
        Assert.True(timeline.Get(MilestoneKeys.DecisionToIssue).ExceptionApplies);
    }

    [Fact]
    public void The_next_step_tells_the_family_about_the_exception_and_that_the_council_is_late()
    {
        var timeline = AssessedInJune().Exception("2026-07-15", ExceptionKind.SchoolClosure, SummerHoliday, "2026-08-27").On("2026-09-01");

        Assert.Equal(
            "The assessment is under way and the council is waiting for advice from Oakfield Primary School. " +
            "The council should have decided whether to issue an EHC plan by Monday 31 August 2026. It is 1 day late; the council must decide as soon as possible. " +
            "An exception to the time limit has been recorded: Oakfield Primary is closed for the summer holiday from 22 July to 3 September 2026.",
            timeline.NextStep);
    }
}
