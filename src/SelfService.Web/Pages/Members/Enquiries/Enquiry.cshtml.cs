using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Enquiries;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>One enquiry for its member: status, dates, the reply, and the consented case summary.</summary>
public sealed class EnquiryModel(EnquiryPageServices services) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    public MemberEnquiryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer
            || await services.Store.FindAsync(Reference, viewer, services.NowUtc, services.Today, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        View = found;
        return Page();
    }
}
