using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Timeline;

/// <summary>Received Monday 5 January 2026: decisions due 16 February and 27 April, final plan 25 May 2026.</summary>
public sealed class AssessmentNextStepTests
{
    [Fact]
    public void Awaiting_the_decision_to_assess_names_its_date()
    {
        Assert.Equal(
            "The council must decide whether to carry out an assessment by Monday 16 February 2026.",
            Received("2026-01-05").On("2026-01-06").NextStep);
    }

    [Fact]
    public void A_late_decision_to_assess_says_by_how_much()
    {
        Assert.Equal(
            "The council should have decided whether to carry out an assessment by Monday 16 February 2026. It is 13 days late; the council must decide as soon as possible.",
            Received("2026-01-05").On("2026-03-01").NextStep);
    }

    [Fact]
    public void One_day_late_is_singular()
    {
        Assert.Contains("It is 1 day late;", Received("2026-01-05").On("2026-02-17").NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void During_the_assessment_the_next_step_is_the_decision_to_issue()
    {
        Assert.Equal(
            "The council must decide whether to issue an EHC plan by Monday 27 April 2026.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").On("2026-02-11").NextStep);
    }

    [Fact]
    public void Outstanding_advice_is_named()
    {
        var nextStep = Received("2026-01-05").AgreeToAssess("2026-02-10")
            .AskAdvice("2026-02-11", "Dr Asha Patel").AskAdvice("2026-02-11", "Social care").AskAdvice("2026-02-11", "Community paediatrics")
            .AdviceIn("2026-03-01", "Social care")
            .On("2026-03-02").NextStep;

        Assert.Equal(
            "The assessment is under way and the council is waiting for advice from Dr Asha Patel and Community paediatrics. " +
            "The council must decide whether to issue an EHC plan by Monday 27 April 2026.",
            nextStep);
    }

    [Fact]
    public void After_deciding_to_issue_the_family_is_told_a_draft_is_coming_and_the_20_week_date()
    {
        Assert.Equal(
            "The council has decided to issue an EHC plan and will send you a draft to comment on. The council must issue the final EHC plan by Monday 25 May 2026.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").DecideToIssue("2026-04-01").On("2026-04-02").NextStep);
    }

    [Fact]
    public void With_a_draft_served_the_family_is_told_the_last_day_to_respond()
    {
        Assert.Equal(
            "You have until Friday 20 March 2026 to comment on the draft plan, ask for a meeting and say which school or setting you want named. " +
            "The council must issue the final EHC plan by Monday 25 May 2026.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").On("2026-03-09").NextStep);
    }

    [Fact]
    public void Once_the_family_has_responded_the_next_step_is_the_final_plan()
    {
        Assert.Equal(
            "The council must issue the final EHC plan by Monday 25 May 2026.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").Representations("2026-03-12").On("2026-03-13").NextStep);
    }

    [Fact]
    public void A_late_final_plan_says_by_how_much()
    {
        Assert.Equal(
            "The council should have issued the final EHC plan by Monday 25 May 2026. It is 17 days late; the council must issue it as soon as possible.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").On("2026-06-11").NextStep);
    }

    [Fact]
    public void An_issued_plan_gives_the_first_review_date_and_the_right_to_appeal()
    {
        Assert.Equal(
            "The final EHC plan was issued on Wednesday 20 May 2026, within the 20-week time limit. " +
            "The first annual review meeting must be held by Wednesday 19 May 2027. " +
            "If you disagree with the plan or the school or setting named in it, you can appeal to the SEND Tribunal; mediation is also available.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").IssueFinal("2026-05-20").On("2026-05-21").NextStep);
    }

    [Fact]
    public void A_plan_issued_late_says_how_late()
    {
        var nextStep = Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").IssueFinal("2026-06-11").On("2026-06-12").NextStep;

        Assert.StartsWith(
            "The final EHC plan was issued on Thursday 11 June 2026, 17 days after the 20-week time limit (Monday 25 May 2026).",
            nextStep,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_to_assess_gives_the_date_and_the_rights_to_appeal_and_mediation()
    {
        var nextStep = Received("2026-01-05").RefuseToAssess("2026-02-20").On("2026-02-21").NextStep;

        Assert.StartsWith("The council decided on Friday 20 February 2026 not to carry out an EHC needs assessment. You can appeal to the SEND Tribunal.", nextStep, StringComparison.Ordinal);
        Assert.Contains("mediation adviser", nextStep, StringComparison.Ordinal);
        Assert.Contains("2 months of the decision letter", nextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_not_to_issue_gives_the_date_and_the_right_to_appeal()
    {
        var nextStep = Received("2026-01-05").AgreeToAssess("2026-02-10").DecideNotToIssue("2026-04-20").On("2026-04-21").NextStep;

        Assert.StartsWith("The council decided on Monday 20 April 2026 not to issue an EHC plan. You can appeal to the SEND Tribunal.", nextStep, StringComparison.Ordinal);
        Assert.Contains("mediation adviser", nextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_request_says_when_and_that_a_new_request_can_be_made()
    {
        Assert.Equal(
            "The request for an EHC needs assessment was withdrawn on Tuesday 10 March 2026. Nothing more will happen on it; a new request can be made at any time.",
            Received("2026-01-05").AgreeToAssess("2026-02-10").Withdraw("2026-03-10").On("2026-03-11").NextStep);
    }
}
