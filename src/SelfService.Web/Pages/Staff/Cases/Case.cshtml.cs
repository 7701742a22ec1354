using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Cases;
using SelfService.Data.Casework;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Domain.People;
using SelfService.Domain.Timeline;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Cases;

/// <summary>
/// A caseworker's view of one case: summary, statutory timeline, history, and the actions valid
/// at its stage. A refused action shows the reason in an error summary and stores nothing.
/// </summary>
[UploadLimits]
[IgnoreAntiforgeryToken]
public sealed class CaseModel(
    IPortalUser user,
    CaseReader reader,
    CaseActions actions,
    CaseStoreDbContext db,
    FileIntake files,
    IAntiforgery antiforgery,
    IOptions<CouncilOptions> council,
    IOptions<RequestOptions> requests,
    UkClock clock,
    TimeProvider time) : PageModel
{
    public const string Channel = "staff";

    /// <summary>The one file field: the draft plan, or an adviser's report.</summary>
    public const string FileField = "Document";

    [BindProperty]
    public CaseActionInput Input { get; set; } = new();

    public CaseRecord Record { get; private set; } = null!;

    public AssessmentTimeline Timeline { get; private set; } = null!;

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

        var tooLarge = UploadLimitsAttribute.WasTooLarge(HttpContext);
        if (!tooLarge && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var recording = new Recording(viewer.Email, time.GetUtcNow().UtcDateTime);
        var caseId = Record.Case.Id;
        StoredFile? document = null;
        try
        {
            if (tooLarge)
            {
                throw new DomainException("input.fileTooLarge", files.TooLargeMessage);
            }

            var on = Input.On(Today);
            switch (action)
            {
                case "assign":
                    await actions.AssignAsync(caseId, Input.StaffId, recording, Today, cancellationToken);
                    break;
                case "decideAssess":
                    await actions.DecideToAssessAsync(caseId, on, Input.Yes(), Input.Reason, recording, cancellationToken);
                    break;
                case "requestAdvice":
                    await actions.RequestAdviceAsync(caseId, Guid.NewGuid(), on, Input.AdviserKind, Required(Input.AdviserName, "Enter the adviser's name"), Invite(), recording, cancellationToken);
                    break;
                case "adviceReceived":
                    document = await FileAsync(required: false, cancellationToken);
                    await actions.RecordAdviceReceivedAsync(caseId, Input.ItemId ?? Guid.Empty, on, recording, document, cancellationToken);
                    break;
                case "applyException":
                    await actions.ApplyExceptionAsync(caseId, on, Input.ExceptionKind, Input.ExpectedEnd(), Input.Reason ?? "", recording, cancellationToken);
                    break;
                case "endException":
                    await actions.EndExceptionAsync(caseId, Input.ItemId ?? Guid.Empty, on, recording, cancellationToken);
                    break;
                case "decideIssue":
                    await actions.DecideToIssueAsync(caseId, on, Input.Yes(), Input.Reason, recording, cancellationToken);
                    break;
                case "serveDraft":
                    document = await FileAsync(required: true, cancellationToken);
                    await actions.ServeDraftPlanAsync(caseId, on, document!, recording, cancellationToken);
                    break;
                case "representations":
                    await actions.RecordRepresentationsAsync(caseId, on, Input.MeetingRequested, await SchoolAsync(cancellationToken), Input.Summary, recording, cancellationToken);
                    break;
                case "finalPlan":
                    await actions.IssueFinalPlanAsync(caseId, on, await SchoolAsync(cancellationToken), recording, cancellationToken);
                    break;
                case "withdraw":
                    await actions.WithdrawAsync(caseId, on, Required(Input.Reason, "Enter the reason the request was withdrawn"), recording, cancellationToken);
                    break;
                default:
                    throw new DomainException("case.unknownAction", "Choose an action.");
            }
        }
        catch (DomainException ex)
        {
            Discard(document);
            return Refused(ex.Message);
        }
        catch (CaseConcurrencyException)
        {
            Discard(document);
            return Refused("Someone else changed this case while you were working on it. Check the case below and try again.");
        }

        TempData["done"] = "The case has been updated and the family told.";
        return RedirectToPage(new { reference = Record.Case.Reference });
    }

    public static string StepName(CaseEvent e) => e switch
    {
        RequestReceived r => $"Request received ({r.Requester})",
        DecisionToAssess { Agreed: true } => "Decided to assess",
        DecisionToAssess d => $"Decided not to assess: {d.Reason}",
        AdviceRequested a => $"Advice requested from {a.AdviserName} (due {a.DueOn:d MMM yyyy})",
        AdviceReceived => "Advice received",
        ExceptionApplied x => $"Exception applied: {x.Reason}",
        ExceptionEnded => "Exception ended",
        DecisionToIssue { Issue: true } => "Decided to issue a plan",
        DecisionToIssue d => $"Decided not to issue a plan: {d.Reason}",
        DraftPlanServed => "Draft plan served",
        RepresentationsReceived => "Family's representations recorded",
        FinalPlanIssued => "Final plan issued",
        RequestWithdrawn w => $"Request withdrawn: {w.Reason}",
        _ => e.GetType().Name,
    };

    /// <summary>The adviser's email, when given, becomes an invitation to upload the advice through the portal.</summary>
    private AdviserInvite? Invite()
    {
        if (string.IsNullOrWhiteSpace(Input.AdviserEmail))
        {
            return null;
        }

        var email = Input.AdviserEmail.Trim();
        if (!AccountEmail.IsValid(email))
        {
            throw new DomainException("input.email", "Enter the adviser's email address in the correct format, like name@example.com");
        }

        var portal = requests.Value.PortalBaseUrl;
        return new AdviserInvite(email, council.Value.Name, token => portal is null ? $"/advice/{token}" : new Uri(portal, $"/advice/{token}").ToString());
    }

    private async Task<StoredFile?> FileAsync(bool required, CancellationToken cancellationToken)
    {
        var received = await files.ReceiveAsync(Request.Form.Files.GetFile(FileField), cancellationToken);
        return received switch
        {
            { Error: { } error } => throw new DomainException("input.file", error),
            { File: null } when required => throw new DomainException("input.file", "Upload the draft plan"),
            _ => received.File,
        };
    }

    private void Discard(StoredFile? document)
    {
        if (document is not null)
        {
            files.Discard(document.StoredName);
        }
    }

    private PageResult Refused(string message)
    {
        Errors = [message];
        return Page();
    }

    private static string Required(string? value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException("input.missing", message) : value.Trim();

    private async Task<Guid?> SchoolAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.SchoolUrn))
        {
            return null;
        }

        var urn = Input.SchoolUrn.Trim();
        return await db.Schools.Where(s => s.Urn == urn).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("input.school", $"There is no school with URN {urn}.");
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindForViewerAsync(reference, viewer, Channel, cancellationToken);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Today = clock.Today();
        Timeline = record.Case.Timeline(Today);
        Caseworkers = await db.StaffMembers.AsNoTracking().Where(s => s.Role == StaffRole.Caseworker).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return true;
    }
}

/// <summary>Every action's fields; each form posts only those it needs.</summary>
public sealed class CaseActionInput
{
    public string? Date { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }

    public Guid? StaffId { get; set; }

    public AdviserKind AdviserKind { get; set; }

    public string? AdviserName { get; set; }

    public string? AdviserEmail { get; set; }

    public Guid? ItemId { get; set; }

    public ExceptionKind ExceptionKind { get; set; }

    public string? ExpectedEndDate { get; set; }

    public string? SchoolUrn { get; set; }

    public bool MeetingRequested { get; set; }

    public string? Summary { get; set; }

    /// <summary>The date the step happened; today when left blank.</summary>
    public DateOnly On(DateOnly today) => Parse(Date, "Enter the date as year-month-day, for example 2026-11-20") ?? today;

    public DateOnly? ExpectedEnd() => Parse(ExpectedEndDate, "Enter the expected end as year-month-day, for example 2026-12-20");

    public bool Yes() => Decision switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new DomainException("input.decision", "Choose yes or no."),
    };

    private static DateOnly? Parse(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException("input.date", message);
}
