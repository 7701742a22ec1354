using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Complaints;
using SelfService.Domain.Complaints;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Complaints;

/// <summary>"Your complaints": the signed-in person's own complaints, never anyone else's.</summary>
public sealed class IndexModel(IPortalUser user, ComplaintStore store) : PageModel
{
    public IReadOnlyList<Complaint> Complaints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Redirect("/sign-in?returnUrl=%2Fcomplaints");
        }

        Complaints = await store.ListForComplainantAsync(await user.GetViewerAsync(cancellationToken), ComplaintServices.Portal, cancellationToken);
        return Page();
    }
}
