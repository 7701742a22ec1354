using System.Globalization;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Tests.Assessments;

/// <summary>Builds a case through the aggregate, one legal step per call, with dates as yyyy-MM-dd.</summary>
internal sealed class CaseBuilder
{
    public static readonly Recording Staff = new("caseworker@council.example", new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));

    private CaseBuilder(AssessmentCase assessmentCase) => Case = assessmentCase;

    public AssessmentCase Case { get; }

    public Dictionary<string, Guid> AdviceIds { get; } = [];

    public Dictionary<string, Guid> ExceptionIds { get; } = [];

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static CaseBuilder Received(string date) =>
        new(AssessmentCase.Open(Guid.NewGuid(), "EHC-2026-00042", Guid.NewGuid(), new RequestReceived(Guid.NewGuid(), D(date), Requester.Parent, null, null), Staff));

    public CaseBuilder AgreeToAssess(string date) => Do(c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), D(date), true, null), Staff));

    public CaseBuilder RefuseToAssess(string date, string reason = "Needs can be met from the school's resources.") =>
        Do(c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), D(date), false, reason), Staff));

    public CaseBuilder AskAdvice(string date, string adviser, AdviserKind kind = AdviserKind.EducationalPsychologist)
    {
        var id = Guid.NewGuid();
        AdviceIds[adviser] = id;
        return Do(c => c.RequestAdvice(new AdviceRequested(id, D(date), kind, adviser), Staff));
    }

    public CaseBuilder AdviceIn(string date, string adviser) =>
        Do(c => c.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), D(date), AdviceIds[adviser]), Staff));

    public CaseBuilder Exception(string from, ExceptionKind kind, string reason, string? expectedEnd = null)
    {
        var id = Guid.NewGuid();
        ExceptionIds[reason] = id;
        return Do(c => c.ApplyException(new ExceptionApplied(id, D(from), kind, expectedEnd is null ? null : D(expectedEnd), reason), Staff));
    }

    public CaseBuilder EndException(string on, string reason) =>
        Do(c => c.EndException(new ExceptionEnded(Guid.NewGuid(), D(on), ExceptionIds[reason]), Staff));

    public CaseBuilder DecideToIssue(string date) => Do(c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), D(date), true, null), Staff));

    public CaseBuilder DecideNotToIssue(string date, string reason = "Needs can be met without a plan.") =>
        Do(c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), D(date), false, reason), Staff));

    public CaseBuilder ServeDraft(string date) => Do(c => c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), D(date)), Staff));

    public CaseBuilder Representations(string date) =>
        Do(c => c.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), D(date), false, null, "Happy with the draft."), Staff));

    public CaseBuilder IssueFinal(string date) => Do(c => c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), D(date), null), Staff));

    public CaseBuilder Withdraw(string date) => Do(c => c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), D(date), "Family moved away."), Staff));

    public AssessmentTimeline On(string asOf) => Case.Timeline(D(asOf));

    private CaseBuilder Do(Action<AssessmentCase> step)
    {
        step(Case);
        return this;
    }
}

internal static class TimelineExtensions
{
    public static Milestone Get(this AssessmentTimeline timeline, string key) =>
        timeline.Find(key) ?? throw new Xunit.Sdk.XunitException($"No {key} milestone; have {string.Join(", ", timeline.Milestones.Select(m => m.Key))}.");

    public static string[] Keys(this AssessmentTimeline timeline) => [.. timeline.Milestones.Select(m => m.Key)];
}
