using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Enquiries;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>The member's enquiries, whoever in their office logged them.</summary>
public sealed class IndexModel(EnquiryPageServices services) : PageModel
{
    public IReadOnlyList<MemberEnquiry> Enquiries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer)
        {
            return NotFound();
        }

        Enquiries = await services.Store.ListAsync(viewer, services.NowUtc, cancellationToken);
        return Page();
    }
}
