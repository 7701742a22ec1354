using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>
/// The family's response to a draft plan (SEND Regs 13(1)): comments, a meeting, a setting to name.
/// Open to whoever the policy lets respond; after the 15 days it is still taken, and marked late.
/// </summary>
public sealed class DraftPlanResponseModel(IPortalUser user, CaseReader reader, DraftPlanResponses responses, UkClock clock) : PageModel
{
    public const int MaxCommentsLength = 2000;

    [BindProperty]
    public string? Comments { get; set; }

    /// <summary>"yes" or "no"; anything else is treated as not answered.</summary>
    [BindProperty]
    public string? Meeting { get; set; }

    [BindProperty]
    public string? Setting { get; set; }

    public CaseRecord Record { get; private set; } = null!;

    public DateOnly Deadline { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<School> Settings { get; private set; } = [];

    /// <summary>Field id to message, in page order, for the error summary.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public bool IsLate => Today > Deadline;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        var comments = string.IsNullOrWhiteSpace(Comments) ? null : Comments.Trim();
        if (comments is { Length: > MaxCommentsLength })
        {
            Errors["comments"] = $"Your comments must be {MaxCommentsLength} characters or fewer";
        }

        bool? meeting = Meeting switch { "yes" => true, "no" => false, _ => null };
        if (meeting is null)
        {
            Errors["meeting"] = "Select yes if you would like a meeting to discuss the draft plan";
        }

        Guid? setting = null;
        if (!string.IsNullOrEmpty(Setting))
        {
            if (Guid.TryParse(Setting, out var id) && Settings.Any(s => s.Id == id))
            {
                setting = id;
            }
            else
            {
                Errors["setting"] = "Select a school or setting from the list, or choose no preference";
            }
        }

        if (Errors.Count == 0 && comments is null && meeting == false && setting is null)
        {
            Errors["comments"] = "Enter your comments, ask for a meeting or choose a school or setting";
        }

        if (Errors.Count > 0)
        {
            ViewData["HasError"] = true;
            return Page();
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var result = await responses.RecordAsync(reference, viewer, new DraftPlanResponse(comments, meeting == true, setting), Today, cancellationToken);
        return result.Outcome == DraftPlanResponseOutcome.Recorded
            ? Redirect($"/cases/{Uri.EscapeDataString(Record.Case.Reference)}/draft-plan-response/sent")
            : NotFound();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindForViewerAsync(reference, viewer, CaseChannels.Portal, cancellationToken);
        if (record is null || !record.Access.CanRespondToDraft
            || record.Case.Stage != CaseStage.DraftPlanIssued || record.Case.DraftPlanServedOn is not { } served)
        {
            return false;
        }

        Record = record;
        Deadline = DraftPlanResponses.DeadlineFor(served);
        Today = clock.Today();
        Settings = await responses.SettingsAsync(cancellationToken);
        return true;
    }
}
