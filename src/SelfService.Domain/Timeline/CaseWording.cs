using System.Globalization;
using SelfService.Domain.Assessments;

namespace SelfService.Domain.Timeline;

/// <summary>
/// The words families read for stages, milestones and durations, whether on the case page or in
/// the chat: one source, so the two never disagree.
/// </summary>
public static class CaseWording
{
    public static string StageName(CaseStage stage) => stage switch
    {
        CaseStage.AwaitingDecisionToAssess => "Deciding whether to assess",
        CaseStage.Assessing => "Assessment under way",
        CaseStage.DraftingPlan => "Plan being drafted",
        CaseStage.DraftPlanIssued => "Draft plan issued",
        CaseStage.FinalPlanIssued => "Final plan issued",
        CaseStage.AssessmentRefused => "Not assessed",
        CaseStage.PlanNotIssued => "No plan issued",
        CaseStage.Withdrawn => "Withdrawn",
        _ => stage.ToString(),
    };

    public static string MilestoneName(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.Key switch
        {
            MilestoneKeys.DecisionToAssess => "Decision whether to carry out an assessment",
            MilestoneKeys.Advice => $"Advice from {milestone.Subject ?? "an adviser"}",
            MilestoneKeys.DecisionToIssue => "Decision whether to issue an EHC plan",
            MilestoneKeys.DraftResponseDeadline => "Your response to the draft plan",
            MilestoneKeys.FinalPlan => "Final EHC plan",
            MilestoneKeys.NextReviewDue => "Annual review meeting",
            MilestoneKeys.DecisionDue => "Decision after the review: keep, change or stop the plan",
            MilestoneKeys.AmendmentResponseDeadline => "Your response to the proposed changes",
            MilestoneKeys.FinalAmendedPlanDue => "Final amended plan",
            MilestoneKeys.PhaseTransferDeadline => "Plan changed to name the next school or setting",
            _ => milestone.Key,
        };
    }

    /// <summary>Days under two weeks, then weeks (and days): "9 days", "3 weeks", "5 weeks and 2 days".</summary>
    public static string Duration(int days)
    {
        if (days < 14)
        {
            return days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
        }

        var weeks = days / 7;
        var rest = days % 7;
        var text = string.Create(CultureInfo.InvariantCulture, $"{weeks} weeks");
        return rest switch
        {
            0 => text,
            1 => text + " and 1 day",
            _ => string.Create(CultureInfo.InvariantCulture, $"{text} and {rest} days"),
        };
    }

    /// <summary>The first deadline still to be met, or null when nothing is outstanding.</summary>
    public static Milestone? NextMilestone(IEnumerable<Milestone> milestones) =>
        milestones.Where(m => m.Completed is null).OrderBy(m => m.Due).FirstOrDefault();

    public static string ExceptionKindText(ExceptionKind kind) => kind switch
    {
        ExceptionKind.SchoolClosure => "A school or college closed for 4 weeks or more when advice was asked for",
        ExceptionKind.EarlyYearsClosure => "An early years setting closed for 4 weeks or more when advice was asked for",
        ExceptionKind.ExceptionalPersonalCircumstances => "Exceptional personal circumstances",
        ExceptionKind.AbsentFromArea => "Away from the area for 4 weeks or more",
        ExceptionKind.MissedAppointment => "An appointment for an examination or test was missed",
        _ => kind.ToString(),
    };
}
