using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Complaints;
using SelfService.Data.Requests;
using SelfService.Domain.Complaints;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Complaints;

/// <summary>
/// One complaint for its complainant: where it is, the responses, the way to stage 2 while the
/// window is open, and the Ombudsman once the council's procedure is over. Anyone else gets 404.
/// </summary>
public sealed class ComplaintModel(IPortalUser user, ComplaintStore store, RequestContact contact, UkClock clock) : PageModel
{
    [BindProperty]
    public string? Stage2Reason { get; set; }

    public Complaint Complaint { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public static Uri OmbudsmanUrl => ComplaintEmails.OmbudsmanUrl;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString("/complaints/" + reference));
        }

        return await LoadAsync(reference, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEscalateAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Stage2Reason))
        {
            Errors.Add(new FieldError(nameof(Stage2Reason), "Enter why you are not satisfied with the stage 1 response"));
        }
        else if (Stage2Reason.Trim().Length > Complaint.MaxTextLength)
        {
            Errors.Add(new FieldError(nameof(Stage2Reason), $"Why you are not satisfied must be {Complaint.MaxTextLength} characters or fewer"));
        }

        if (Errors.Count == 0)
        {
            var result = await store.RequestStage2Async(reference, await user.GetViewerAsync(cancellationToken), Stage2Reason!, Today, contact, cancellationToken);
            switch (result.Outcome)
            {
                case ComplaintChangeOutcome.Done:
                    return Redirect($"/complaints/{Complaint.Reference}");
                case ComplaintChangeOutcome.Refused:
                    Errors.Add(new FieldError(nameof(Stage2Reason), result.Message!));
                    break;
                default:
                    return NotFound();
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await store.FindForComplainantAsync(reference, await user.GetViewerAsync(cancellationToken), ComplaintServices.Portal, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Complaint = found;
        Today = clock.Today();
        return true;
    }
}
