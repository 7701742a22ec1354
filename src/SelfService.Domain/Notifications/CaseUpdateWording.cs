using System.Globalization;

namespace SelfService.Domain.Notifications;

/// <summary>The steps of a case the family is told about.</summary>
public enum CaseUpdateKind
{
    RequestRecorded,
    CaseworkerAssigned,
    DecidedToAssess,
    RefusedToAssess,
    AdviceRequested,
    AdviceReceived,
    ExceptionApplied,
    ExceptionEnded,
    DecidedToIssue,
    DecidedNotToIssue,
    DraftPlanServed,
    RepresentationsRecorded,
    FinalPlanIssued,
    Withdrawn,

    // The annual review of a plan in place (CFA s44, SEND Regs 18-22).
    PlanCaseworkerAssigned,
    ReviewMeetingScheduled,
    ReviewMeetingHeld,
    ReviewDecidedToMaintain,
    ReviewDecidedToAmend,
    ReviewDecidedToCease,
    AmendmentsProposed,
    FinalAmendedPlanIssued,
    PlanCeased,
}

/// <summary>The facts a message may mention; only those the step needs are set.</summary>
public sealed record CaseUpdateFacts(
    string ChildName,
    string Reference,
    DateOnly On,
    DateOnly? NextDue = null,
    string? Reason = null,
    string? Who = null,
    DateOnly? AppealBy = null);

/// <summary>What the family is sent: an email subject and body, and the short chat line.</summary>
public sealed record CaseUpdateMessage(string Subject, string Body, string Chat);

/// <summary>
/// The one place the words of case updates live, so the email and the chat say the same thing
/// in plain English and name the date that matters at that step.
/// </summary>
public static class CaseUpdateWording
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", UkEnglish);

    /// <summary>Updates about a plan in place rather than an assessment request.</summary>
    public static bool IsAboutPlan(CaseUpdateKind kind) => kind >= CaseUpdateKind.PlanCaseworkerAssigned;

    /// <summary>The family's page for the case or plan the update is about.</summary>
    public static string LinkFor(CaseUpdateKind kind, string reference) =>
        IsAboutPlan(kind) ? $"/cases/plans/{reference}" : $"/cases/{reference}";

    public static CaseUpdateMessage For(CaseUpdateKind kind, CaseUpdateFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var child = facts.ChildName;
        var on = LongDate(facts.On);
        var next = facts.NextDue is { } due ? LongDate(due) : null;
        var (subject, line) = kind switch
        {
            CaseUpdateKind.RequestRecorded => ("Request received",
                $"We received the request for an EHC needs assessment for {child} on {on}. We will decide whether to assess by {next}."),
            CaseUpdateKind.CaseworkerAssigned => ("Your caseworker",
                $"{facts.Who} is now the caseworker for {child}'s request."),
            CaseUpdateKind.DecidedToAssess => ("We will assess",
                $"On {on} we decided to carry out an EHC needs assessment for {child}. We will tell you by {next} whether we will issue a plan."),
            CaseUpdateKind.RefusedToAssess => ("We have decided not to assess",
                $"On {on} we decided not to carry out an EHC needs assessment for {child}. Our reason: {facts.Reason}. You can appeal to the SEND Tribunal by {(facts.AppealBy is { } a ? LongDate(a) : "the date in our letter")}."),
            CaseUpdateKind.AdviceRequested => ("Advice requested",
                $"On {on} we asked {facts.Who} for advice for {child}'s assessment. It is due by {next}."),
            CaseUpdateKind.AdviceReceived => ("Advice received",
                $"On {on} we received the advice from {facts.Who} for {child}'s assessment."),
            CaseUpdateKind.ExceptionApplied => ("A delay to the time limits",
                $"From {on} the usual time limits for {child}'s request do not apply, because: {facts.Reason}. We will still act as soon as we can."),
            CaseUpdateKind.ExceptionEnded => ("The time limits apply again",
                $"From {on} the exception to the time limits for {child}'s request has ended."),
            CaseUpdateKind.DecidedToIssue => ("We will issue a plan",
                $"On {on} we decided to issue an EHC plan for {child}. You will receive a draft plan to comment on; the final plan is due by {next}."),
            CaseUpdateKind.DecidedNotToIssue => ("We have decided not to issue a plan",
                $"On {on} we decided not to issue an EHC plan for {child}. Our reason: {facts.Reason}. You can appeal to the SEND Tribunal by {(facts.AppealBy is { } a2 ? LongDate(a2) : "the date in our letter")}."),
            CaseUpdateKind.DraftPlanServed => ("Draft plan ready for your comments",
                $"On {on} we sent you the draft EHC plan for {child}. Please send your comments and the school you would like named by {next}."),
            CaseUpdateKind.RepresentationsRecorded => ("Your comments on the draft plan",
                $"On {on} we recorded your comments on {child}'s draft plan{(facts.Who is null ? "" : $" and the setting you asked for, {facts.Who}")}. The final plan is due by {next}."),
            CaseUpdateKind.FinalPlanIssued => ("Final EHC plan issued",
                $"On {on} we issued {child}'s final EHC plan{(facts.Who is null ? "" : $", naming {facts.Who}")}. You can appeal about its content to the SEND Tribunal by {(facts.AppealBy is { } a3 ? LongDate(a3) : "the date in our letter")}."),
            CaseUpdateKind.Withdrawn => ("Request withdrawn",
                $"On {on} the request for an EHC needs assessment for {child} was withdrawn."),
            CaseUpdateKind.PlanCaseworkerAssigned => ("Your caseworker for the EHC plan",
                $"{facts.Who} is now the caseworker for {child}'s EHC plan. The next annual review meeting must be held by {next}."),
            CaseUpdateKind.ReviewMeetingScheduled => ("Annual review meeting arranged",
                $"The annual review meeting for {child}'s EHC plan is arranged for {on}. It must be held by {next}. We will send you the advice and information for the meeting at least two weeks before it."),
            CaseUpdateKind.ReviewMeetingHeld => ("Annual review meeting held",
                $"The annual review meeting for {child}'s EHC plan was held on {on}. We will tell you by {next} whether we will keep the plan as it is, change it or stop maintaining it."),
            CaseUpdateKind.ReviewDecidedToMaintain => ("We will keep the EHC plan as it is",
                $"After the annual review, on {on} we decided to keep {child}'s EHC plan as it is. The next annual review meeting must be held by {next}. You can appeal to the SEND Tribunal by {Appeal(facts)}."),
            CaseUpdateKind.ReviewDecidedToAmend => ("We will change the EHC plan",
                $"After the annual review, on {on} we decided to change {child}'s EHC plan. We will send you the proposed changes to comment on; the final amended plan is due by {next}."),
            CaseUpdateKind.ReviewDecidedToCease => ("We intend to stop maintaining the EHC plan",
                $"After the annual review, on {on} we decided to stop maintaining {child}'s EHC plan. You can appeal to the SEND Tribunal by {Appeal(facts)}."),
            CaseUpdateKind.AmendmentsProposed => ("Proposed changes to the EHC plan",
                $"On {on} we sent you the proposed changes to {child}'s EHC plan: {facts.Reason}. Please send your comments, and the school you would like named, by {next}."),
            CaseUpdateKind.FinalAmendedPlanIssued => ("Final amended EHC plan issued",
                $"On {on} we issued {child}'s final amended EHC plan. You can appeal about its content to the SEND Tribunal by {Appeal(facts)}. The next annual review meeting must be held by {next}."),
            CaseUpdateKind.PlanCeased => ("EHC plan ceased",
                $"From {on} we no longer maintain {child}'s EHC plan. You can appeal to the SEND Tribunal by {Appeal(facts)}."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No wording for this update."),
        };

        var body = string.Join(
            Environment.NewLine,
            line,
            string.Empty,
            $"Reference: {facts.Reference}",
            $"See every step and date at {LinkFor(kind, facts.Reference)} after signing in.");
        return new CaseUpdateMessage($"{subject}: {facts.Reference}", body, $"{facts.Reference}: {line}");
    }

    private static string Appeal(CaseUpdateFacts facts) => facts.AppealBy is { } by ? LongDate(by) : "the date in our letter";
}
