using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Enquiries;

namespace SelfService.Web.Pages.Members.Enquiries;

public sealed class ConfirmationModel(EnquiryPageServices services) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    public MemberEnquiry Enquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer
            || await services.Store.FindAsync(Reference, viewer, services.NowUtc, services.Today, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Enquiry = found.Enquiry;
        return Page();
    }
}
