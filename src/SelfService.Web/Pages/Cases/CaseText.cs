using System.Globalization;
using SelfService.Data.Requests;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Web.Pages.Cases;

/// <summary>A GOV.UK tag: its text and colour modifier (empty for the default blue).</summary>
public sealed record CaseTag(string Text, string Colour)
{
    public string CssClass => string.IsNullOrEmpty(Colour) ? "govuk-tag" : $"govuk-tag govuk-tag--{Colour}";
}

/// <summary>The words families read for stages, milestones and dates; kept together so they read alike everywhere.</summary>
public static class CaseText
{
    public static string Date(DateOnly date) => UkDate.DayMonthYear(date);

    public static string LongDate(DateOnly date) => UkDate.Long(date);

    public static CaseTag StageTag(CaseStage stage) => stage switch
    {
        CaseStage.AwaitingDecisionToAssess => new("Deciding whether to assess", "blue"),
        CaseStage.Assessing => new("Assessment under way", "light-blue"),
        CaseStage.DraftingPlan => new("Plan being drafted", "turquoise"),
        CaseStage.DraftPlanIssued => new("Draft plan issued", "purple"),
        CaseStage.FinalPlanIssued => new("Final plan issued", "green"),
        CaseStage.AssessmentRefused => new("Not assessed", "orange"),
        CaseStage.PlanNotIssued => new("No plan issued", "orange"),
        CaseStage.Withdrawn => new("Withdrawn", "grey"),
        _ => new(stage.ToString(), "grey"),
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

    public static CaseTag MilestoneTag(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.Status switch
        {
            MilestoneStatus.Met => new("Done", "green"),
            MilestoneStatus.Late => new("Done late", "orange"),
            MilestoneStatus.Overdue => new("Overdue", "red"),
            MilestoneStatus.DueSoon => new("Due soon", "yellow"),
            _ => new("Not yet due", "grey"),
        };
    }

    /// <summary>Where the milestone stands in words: when it was done, or how far past due it is.</summary>
    public static string MilestoneProgress(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone switch
        {
            { Status: MilestoneStatus.Late, Completed: { } done } => $"Done on {Date(done)}, {Duration(milestone.DaysOverdue)} late",
            { Completed: { } done } => $"Done on {Date(done)}",
            { Status: MilestoneStatus.Overdue } => $"Overdue by {Duration(milestone.DaysOverdue)}",
            _ => "Not done yet",
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

    public static string RequesterText(Requester requester) => requester switch
    {
        Requester.Parent => "Parent or carer",
        Requester.YoungPerson => "The young person",
        Requester.SchoolWithParentalConsent => "School, with the parent's consent",
        _ => requester.ToString(),
    };

    public static string ExceptionKindText(ExceptionKind kind) => kind switch
    {
        ExceptionKind.SchoolClosure => "A school or college closed for 4 weeks or more when advice was asked for",
        ExceptionKind.EarlyYearsClosure => "An early years setting closed for 4 weeks or more when advice was asked for",
        ExceptionKind.ExceptionalPersonalCircumstances => "Exceptional personal circumstances",
        ExceptionKind.AbsentFromArea => "Away from the area for 4 weeks or more",
        ExceptionKind.MissedAppointment => "An appointment for an examination or test was missed",
        _ => kind.ToString(),
    };

    public static string ReviewDecisionText(ReviewDecision? decision) => decision switch
    {
        ReviewDecision.Maintain => "Keep the plan as it is",
        ReviewDecision.Amend => "Change the plan",
        ReviewDecision.Cease => "Stop maintaining the plan",
        _ => "Not decided yet",
    };

    public static string PhaseTransferText(PhaseTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return transfer.Kind == PhaseTransferKind.PostSixteen
            ? string.Create(CultureInfo.InvariantCulture, $"Moving to a college or setting after 16 in {transfer.TransferYear}")
            : string.Create(CultureInfo.InvariantCulture, $"Moving to the next school phase in {transfer.TransferYear}");
    }

    /// <summary>Whether a request's file can be shared yet: only a clean scan lets it be passed on.</summary>
    public static CaseTag DocumentTag(DocumentScanStatus status) => status switch
    {
        DocumentScanStatus.Clean => new("Received", "green"),
        DocumentScanStatus.Infected => new("Could not be accepted", "red"),
        _ => new("Being checked", "grey"),
    };

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}
