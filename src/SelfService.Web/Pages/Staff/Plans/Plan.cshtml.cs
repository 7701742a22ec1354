using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Data.Casework;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Domain.People;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Plans;

/// <summary>
/// A caseworker's view of one plan in place: its annual review clock, past reviews, and the steps
/// valid now. A refused step shows the reason in an error summary and stores nothing.
/// </summary>
public sealed class StaffPlanModel(IPortalUser user, CaseReader reader, PlanActions actions, CaseStoreDbContext db, UkClock clock, TimeProvider time) : PageModel
{
    public const string Channel = "staff";

    [BindProperty]
    public PlanActionInput Input { get; set; } = new();

    public PlanRecord Record { get; private set; } = null!;

    public AnnualReviewTimeline Timeline { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<StaffMember> Caseworkers { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Done = TempData["done"] as string;
        return await LoadAsync(reference, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string reference, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var recording = new Recording(viewer.Email, time.GetUtcNow().UtcDateTime);
        var planId = Record.Plan.Id;
        var version = Input.Version;
        try
        {
            switch (action)
            {
                case "assign":
                    await actions.AssignAsync(planId, version, Input.StaffId, recording, Today, cancellationToken);
                    break;
                case "schedule":
                    await actions.ScheduleMeetingAsync(planId, version, Input.Required(), recording, Today, cancellationToken);
                    break;
                case "meeting":
                    await actions.RecordMeetingAsync(planId, version, Input.On(Today), recording, Today, cancellationToken);
                    break;
                case "decision":
                    await actions.RecordDecisionAsync(planId, version, Input.ReviewDecision(), Input.On(Today), recording, Today, cancellationToken);
                    break;
                case "amendments":
                    await actions.ProposeAmendmentsAsync(planId, version, Input.On(Today), Input.Summary ?? "", recording, Today, cancellationToken);
                    break;
                case "finalAmended":
                    await actions.IssueFinalAmendedPlanAsync(planId, version, Input.On(Today), recording, Today, cancellationToken);
                    break;
                case "cease":
                    await actions.CeaseAsync(planId, version, Input.On(Today), recording, Today, cancellationToken);
                    break;
                default:
                    throw new DomainException("plan.unknownAction", "Choose an action.");
            }
        }
        catch (DomainException ex)
        {
            return Refused(ex.Message);
        }
        catch (PlanConcurrencyException)
        {
            return Refused("Someone else changed this plan while you were working on it. Check the plan below and try again.");
        }

        TempData["done"] = "The plan has been updated and the family told.";
        return RedirectToPage(new { reference = Record.Plan.Reference });
    }

    /// <summary>Where the review in progress stands, in a few words for staff.</summary>
    public static string ReviewStage(EhcPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.CeasedOn is { } ceased)
        {
            return $"Ceased on {Date(ceased)}";
        }

        if (plan.IsAwaitingCessation)
        {
            return "Decided to cease: cease the plan";
        }

        return plan.CurrentReview switch
        {
            null => "No review in progress",
            { MeetingHeldOn: null, MeetingScheduledFor: { } arranged } => $"Meeting arranged for {Date(arranged)}",
            { MeetingHeldOn: null } r => $"Meeting to arrange (due by {Date(r.DueBy)})",
            { Decision: null } => "Meeting held: decision due",
            { Decision: ReviewDecision.Amend, AmendmentsProposedOn: null } => "Amending: proposals to send",
            { Decision: ReviewDecision.Amend } => "Amending: final amended plan due",
            _ => "Review in progress",
        };
    }

    public static string Date(DateOnly date) => Pages.Cases.CaseText.Date(date);

    private PageResult Refused(string message)
    {
        Errors = [message];
        return Page();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindPlanForViewerAsync(reference, viewer, Channel, cancellationToken);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Today = clock.Today();
        Timeline = AnnualReviewClock.Calculate(record.Plan.ToTimelineInput(), Today);
        Caseworkers = await db.StaffMembers.AsNoTracking().Where(s => s.Role == StaffRole.Caseworker).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return true;
    }
}

/// <summary>Every plan action's fields; each form posts only those it needs, and the plan version it was shown.</summary>
public sealed class PlanActionInput
{
    public string? Date { get; set; }

    public string? Decision { get; set; }

    public string? Summary { get; set; }

    public Guid? StaffId { get; set; }

    public int? Version { get; set; }

    /// <summary>The date the step happened; today when left blank.</summary>
    public DateOnly On(DateOnly today) => Parse() ?? today;

    /// <summary>A date that cannot default to today, such as the day a meeting is arranged for.</summary>
    public DateOnly Required() => Parse() ?? throw new DomainException("input.date", "Enter the date of the meeting as year-month-day, for example 2027-03-15");

    public ReviewDecision ReviewDecision() => Decision switch
    {
        "maintain" => Domain.Plans.ReviewDecision.Maintain,
        "amend" => Domain.Plans.ReviewDecision.Amend,
        "cease" => Domain.Plans.ReviewDecision.Cease,
        _ => throw new DomainException("input.decision", "Choose whether to keep the plan as it is, amend it or cease it."),
    };

    private DateOnly? Parse() =>
        string.IsNullOrWhiteSpace(Date) ? null
        : DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException("input.date", "Enter the date as year-month-day, for example 2026-11-20");
}
