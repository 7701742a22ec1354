namespace SelfService.Domain.Timeline;

public enum MilestoneStatus
{
    /// <summary>Not done, and the due date is more than <see cref="Milestone.DueSoonDays"/> days away.</summary>
    Pending,

    /// <summary>Not done, due within <see cref="Milestone.DueSoonDays"/> days.</summary>
    DueSoon,

    /// <summary>Done on or before the due date.</summary>
    Met,

    /// <summary>Done, after the due date.</summary>
    Late,

    /// <summary>Not done, and the due date has passed.</summary>
    Overdue,
}

/// <summary>Well-known milestone keys; the calculator API returns them as they are.</summary>
public static class MilestoneKeys
{
    public const string DecisionToAssess = "decisionToAssess";
    public const string Advice = "advice";
    public const string DecisionToIssue = "decisionToIssue";
    public const string DraftResponseDeadline = "draftResponseDeadline";
    public const string FinalPlan = "finalPlan";
    public const string NextReviewDue = "nextReviewDue";
    public const string DecisionDue = "decisionDue";
    public const string AmendmentResponseDeadline = "amendmentResponseDeadline";
    public const string FinalAmendedPlanDue = "finalAmendedPlanDue";
    public const string PhaseTransferDeadline = "phaseTransferDeadline";
}

/// <summary>
/// One statutory deadline and where it stands on a given date.
/// </summary>
/// <param name="Key">One of <see cref="MilestoneKeys"/>.</param>
/// <param name="Due">The last day the step may happen.</param>
/// <param name="Completed">The day it happened, if it has.</param>
/// <param name="DaysOverdue">Calendar days past due: for late steps, at completion; for overdue steps, on the as-of date.</param>
/// <param name="ExceptionApplies">An exception to the time limit covered the period before this deadline.</param>
/// <param name="Subject">What the milestone is about when there can be several (the adviser for advice).</param>
public sealed record Milestone(
    string Key,
    DateOnly Due,
    DateOnly? Completed,
    MilestoneStatus Status,
    int DaysOverdue,
    bool ExceptionApplies,
    string? Subject = null)
{
    /// <summary>How close a deadline must be to show as due soon: two weeks, time enough to act.</summary>
    public const int DueSoonDays = 14;
}
