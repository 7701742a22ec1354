using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using static SelfService.Domain.Tests.Assessments.CaseBuilder;

namespace SelfService.Domain.Tests.Assessments;

public sealed class AssessmentCaseTransitionTests
{
    private static void Rejected(string code, Action change)
    {
        var error = Assert.Throws<DomainException>(change);
        Assert.Equal(code, error.Code);
    }

    /// <summary>Tries one kind of change, dated 1 April 2026, on a case.</summary>
    private static void Attempt(AssessmentCase c, string change)
    {
        var on = D("2026-04-01");
        switch (change)
        {
            case "decideToAssess": c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), on, true, null), Staff); break;
            case "askAdvice": c.RequestAdvice(new AdviceRequested(Guid.NewGuid(), on, AdviserKind.Health, "Health"), Staff); break;
            case "adviceIn": c.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), on, Guid.NewGuid()), Staff); break;
            case "exception": c.ApplyException(new ExceptionApplied(Guid.NewGuid(), on, ExceptionKind.AbsentFromArea, null, "Away."), Staff); break;
            case "endException": c.EndException(new ExceptionEnded(Guid.NewGuid(), on, Guid.NewGuid()), Staff); break;
            case "decideToIssue": c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), on, true, null), Staff); break;
            case "serveDraft": c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), on), Staff); break;
            case "representations": c.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), on, true, null, null), Staff); break;
            case "issueFinal": c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), on, null), Staff); break;
            case "withdraw": c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), on, "No longer needed."), Staff); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    public static TheoryData<string> EveryChange() =>
        ["decideToAssess", "askAdvice", "adviceIn", "exception", "endException", "decideToIssue", "serveDraft", "representations", "issueFinal", "withdraw"];

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Nothing_can_be_recorded_on_a_withdrawn_case(string change)
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").Withdraw("2026-03-10").Case;
        var version = c.Version;

        Rejected("case.closed", () => Attempt(c, change));
        Assert.Equal(version, c.Version);
        Assert.Equal(3, c.Events.Count);
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Nothing_can_be_recorded_on_a_refused_case(string change)
    {
        var c = Received("2026-01-05").RefuseToAssess("2026-02-10").Case;

        Rejected("case.closed", () => Attempt(c, change));
        Assert.Equal(CaseStage.AssessmentRefused, c.Stage);
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Nothing_can_be_recorded_once_the_final_plan_is_issued(string change)
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").IssueFinal("2026-03-25").Case;

        Rejected("case.closed", () => Attempt(c, change));
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Nothing_can_be_recorded_once_the_council_decides_not_to_issue(string change)
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").DecideNotToIssue("2026-03-20").Case;

        Rejected("case.closed", () => Attempt(c, change));
    }

    [Theory]
    [InlineData("askAdvice")]
    [InlineData("decideToIssue")]
    [InlineData("serveDraft")]
    [InlineData("representations")]
    [InlineData("issueFinal")]
    public void Before_the_decision_to_assess_later_steps_are_invalid(string change)
    {
        var c = Received("2026-01-05").Case;

        Rejected("case.invalidTransition", () => Attempt(c, change));
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, c.Stage);
        Assert.Equal(1, c.Version);
    }

    [Theory]
    [InlineData("decideToAssess")]
    [InlineData("representations")]
    [InlineData("issueFinal")]
    public void During_the_assessment_out_of_turn_steps_are_invalid(string change)
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").Case;

        Rejected("case.invalidTransition", () => Attempt(c, change));
        Assert.Equal(CaseStage.Assessing, c.Stage);
    }

    [Fact]
    public void A_final_plan_cannot_be_issued_before_a_draft_even_after_deciding_to_issue()
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").DecideToIssue("2026-03-01").Case;

        Rejected("case.invalidTransition", () => Attempt(c, "issueFinal"));
        Assert.Equal(CaseStage.DraftingPlan, c.Stage);
        Assert.Null(c.FinalPlanIssuedOn);
    }

    [Fact]
    public void A_decision_dated_before_the_request_is_out_of_order()
    {
        var c = Received("2026-01-05").Case;

        Rejected("case.outOfOrder", () => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), D("2026-01-04"), true, null), Staff));
        Assert.Null(c.DecisionToAssessOn);
    }

    [Fact]
    public void Steps_cannot_be_dated_before_the_previous_step()
    {
        var b = Received("2026-01-05").AgreeToAssess("2026-02-10");

        Rejected("case.outOfOrder", () => b.Case.RequestAdvice(new AdviceRequested(Guid.NewGuid(), D("2026-02-09"), AdviserKind.Health, "Health"), Staff));
        Rejected("case.outOfOrder", () => b.Case.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), D("2026-02-09")), Staff));
        b.AskAdvice("2026-02-11", "Dr Asha Patel");
        Rejected("case.outOfOrder", () => b.Case.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), D("2026-02-10"), b.AdviceIds["Dr Asha Patel"]), Staff));
        b.ServeDraft("2026-03-06");
        Rejected("case.outOfOrder", () => b.Case.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), D("2026-03-05"), false, null, null), Staff));
        Rejected("case.outOfOrder", () => b.Case.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), D("2026-03-05"), null), Staff));
        Rejected("case.outOfOrder", () => b.Case.Withdraw(new RequestWithdrawn(Guid.NewGuid(), D("2026-03-05"), "Moved."), Staff));
    }

    [Fact]
    public void Advice_for_a_request_the_case_does_not_have_is_rejected()
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").AskAdvice("2026-02-11", "Dr Asha Patel").Case;

        Rejected("advice.unknownRequest", () => Attempt(c, "adviceIn"));
    }

    [Fact]
    public void The_same_advice_cannot_be_recorded_twice()
    {
        var b = Received("2026-01-05").AgreeToAssess("2026-02-10").AskAdvice("2026-02-11", "Dr Asha Patel").AdviceIn("2026-03-01", "Dr Asha Patel");

        Rejected("advice.alreadyReceived", () => b.AdviceIn("2026-03-02", "Dr Asha Patel"));
    }

    [Fact]
    public void A_school_cannot_request_an_assessment_without_the_parents_consent()
    {
        var request = new RequestReceived(Guid.NewGuid(), D("2026-01-05"), Requester.SchoolWithParentalConsent, Guid.NewGuid(), null);

        Rejected("request.consentMissing", () => AssessmentCase.Open(Guid.NewGuid(), "EHC-2026-00001", Guid.NewGuid(), request, Staff));
    }

    [Fact]
    public void A_school_request_must_name_the_school()
    {
        var request = new RequestReceived(Guid.NewGuid(), D("2026-01-05"), Requester.SchoolWithParentalConsent, null, D("2026-01-02"));

        Rejected("request.schoolMissing", () => AssessmentCase.Open(Guid.NewGuid(), "EHC-2026-00001", Guid.NewGuid(), request, Staff));
    }

    [Fact]
    public void A_school_request_with_consent_is_accepted()
    {
        var school = Guid.NewGuid();
        var request = new RequestReceived(Guid.NewGuid(), D("2026-01-05"), Requester.SchoolWithParentalConsent, school, D("2026-01-02"));

        var c = AssessmentCase.Open(Guid.NewGuid(), "EHC-2026-00001", Guid.NewGuid(), request, Staff);

        Assert.Equal((Requester.SchoolWithParentalConsent, (Guid?)school, D("2026-01-05")), (c.Requester, c.RequestingSchoolId, c.RequestReceivedOn));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Refusing_to_assess_or_to_issue_needs_a_reason(string? reason)
    {
        var awaiting = Received("2026-01-05").Case;
        Rejected("decision.reasonMissing", () => awaiting.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), D("2026-02-10"), false, reason), Staff));
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, awaiting.Stage);

        var assessing = Received("2026-01-05").AgreeToAssess("2026-02-10").Case;
        Rejected("decision.reasonMissing", () => assessing.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), D("2026-04-10"), false, reason), Staff));
        Assert.Equal(CaseStage.Assessing, assessing.Stage);
    }

    [Fact]
    public void Exceptions_need_a_reason_an_end_after_their_start_and_can_end_only_once()
    {
        var b = Received("2026-01-05");
        Rejected("exception.reasonMissing", () => b.Case.ApplyException(new ExceptionApplied(Guid.NewGuid(), D("2026-01-10"), ExceptionKind.AbsentFromArea, null, " "), Staff));
        Rejected("exception.endBeforeStart", () => b.Case.ApplyException(new ExceptionApplied(Guid.NewGuid(), D("2026-01-10"), ExceptionKind.AbsentFromArea, D("2026-01-09"), "Away."), Staff));
        Rejected("case.outOfOrder", () => b.Case.ApplyException(new ExceptionApplied(Guid.NewGuid(), D("2026-01-04"), ExceptionKind.AbsentFromArea, null, "Away."), Staff));
        Rejected("exception.unknown", () => Attempt(b.Case, "endException"));

        b.Exception("2026-01-10", ExceptionKind.AbsentFromArea, "Away.");
        Rejected("case.outOfOrder", () => b.EndException("2026-01-09", "Away."));
        b.EndException("2026-02-10", "Away.");
        Rejected("exception.alreadyEnded", () => b.EndException("2026-02-11", "Away."));
    }

    [Fact]
    public void The_full_process_is_accepted_and_each_step_bumps_the_version_and_sequence()
    {
        var b = Received("2026-01-05");
        Assert.Equal((1, CaseStage.AwaitingDecisionToAssess), (b.Case.Version, b.Case.Stage));

        b.AgreeToAssess("2026-02-10");
        Assert.Equal((2, CaseStage.Assessing, (DateOnly?)D("2026-02-10")), (b.Case.Version, b.Case.Stage, b.Case.DecisionToAssessOn));

        b.AskAdvice("2026-02-11", "Dr Asha Patel").AdviceIn("2026-03-20", "Dr Asha Patel");
        Assert.Equal((4, CaseStage.Assessing), (b.Case.Version, b.Case.Stage));

        b.DecideToIssue("2026-04-01");
        Assert.Equal((5, CaseStage.DraftingPlan), (b.Case.Version, b.Case.Stage));

        b.ServeDraft("2026-04-06");
        Assert.Equal((6, CaseStage.DraftPlanIssued, (DateOnly?)D("2026-04-06")), (b.Case.Version, b.Case.Stage, b.Case.DraftPlanServedOn));

        b.Representations("2026-04-15").ServeDraft("2026-04-27");
        Assert.Equal((8, (DateOnly?)D("2026-04-27")), (b.Case.Version, b.Case.DraftPlanServedOn));

        b.IssueFinal("2026-05-20");
        Assert.Equal((9, CaseStage.FinalPlanIssued, (DateOnly?)D("2026-05-20"), (DateOnly?)D("2026-05-20")), (b.Case.Version, b.Case.Stage, b.Case.FinalPlanIssuedOn, b.Case.ClosedOn));
        Assert.True(b.Case.IsClosed);
        Assert.Equal(Enumerable.Range(1, 9), b.Case.Events.Select(e => e.Sequence));
        Assert.All(b.Case.Events, e => Assert.Equal((b.Case.Id, "caseworker@council.example"), (e.CaseId, e.RecordedBy)));
    }

    [Fact]
    public void A_draft_can_be_served_straight_from_the_assessment_without_a_recorded_decision()
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").ServeDraft("2026-03-06").Case;

        Assert.Equal(CaseStage.DraftPlanIssued, c.Stage);
        Assert.Equal(3, c.Version);
    }

    [Fact]
    public void A_withdrawal_closes_the_case_on_its_date()
    {
        var c = Received("2026-01-05").AgreeToAssess("2026-02-10").Withdraw("2026-03-10").Case;

        Assert.Equal((CaseStage.Withdrawn, true, (DateOnly?)D("2026-03-10"), 3), (c.Stage, c.IsClosed, c.ClosedOn, c.Version));
    }

    [Fact]
    public void Assigning_a_caseworker_bumps_the_version_without_adding_an_event()
    {
        var c = Received("2026-01-05").Case;
        var caseworker = Guid.NewGuid();

        c.AssignCaseworker(caseworker);

        Assert.Equal((2, (Guid?)caseworker, 1), (c.Version, c.CaseworkerId, c.Events.Count));
    }
}
