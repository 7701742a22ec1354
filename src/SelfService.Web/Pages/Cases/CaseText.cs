using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
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

    public static CaseTag StageTag(CaseStage stage) => new(CaseWording.StageName(stage), stage switch
    {
        CaseStage.AwaitingDecisionToAssess => "blue",
        CaseStage.Assessing => "light-blue",
        CaseStage.DraftingPlan => "turquoise",
        CaseStage.DraftPlanIssued => "purple",
        CaseStage.FinalPlanIssued => "green",
        CaseStage.AssessmentRefused or CaseStage.PlanNotIssued => "orange",
        _ => "grey",
    });

    public static string MilestoneName(Milestone milestone) => CaseWording.MilestoneName(milestone);

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
    public static string Duration(int days) => CaseWording.Duration(days);

    /// <summary>The first deadline still to be met, or null when nothing is outstanding.</summary>
    public static Milestone? NextMilestone(IEnumerable<Milestone> milestones) => CaseWording.NextMilestone(milestones);

    public static string RequesterText(Requester requester) => requester switch
    {
        Requester.Parent => "Parent or carer",
        Requester.YoungPerson => "The young person",
        Requester.SchoolWithParentalConsent => "School, with the parent's consent",
        _ => requester.ToString(),
    };

    /// <summary>", by phone" for a request taken down by a caseworker; nothing for the portal, the usual way.</summary>
    public static string RouteSuffix(RequestRoute route) => route switch
    {
        RequestRoute.Post => ", by post",
        RequestRoute.Email => ", by email",
        RequestRoute.Phone => ", by phone",
        _ => string.Empty,
    };

    public static string ExceptionKindText(ExceptionKind kind) => CaseWording.ExceptionKindText(kind);

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

    public static string CouncilDocumentText(CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.DraftPlan => "Draft EHC plan",
        _ => "Advice",
    };

    /// <summary>A download link for a file that has passed the virus check; only its name for one that has not.</summary>
    public static IHtmlContent DocumentLink(string reference, Guid documentId, string fileName, bool shareable)
    {
        var name = HtmlEncoder.Default.Encode(fileName);
        return new HtmlString(shareable
            ? $"<a class=\"govuk-link\" href=\"/cases/{HtmlEncoder.Default.Encode(reference)}/documents/{documentId:D}\" download>{name}</a>"
            : name);
    }
}
