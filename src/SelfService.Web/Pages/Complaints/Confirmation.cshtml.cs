using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Complaints;
using SelfService.Domain.Complaints;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Complaints;

public sealed class ConfirmationModel(IPortalUser user, ComplaintStore store) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await store.FindForComplainantAsync(reference, await user.GetViewerAsync(cancellationToken), ComplaintServices.Portal, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Complaint = found;
        return Page();
    }
}
