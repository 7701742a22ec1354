using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Plans;

/// <summary>The plans in place, the soonest review first; or the ceased ones.</summary>
public sealed class PlansIndexModel(IPortalUser user, CaseReader reader) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"ceased" for ceased plans; anything else lists the plans in force.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Ceased => Status == "ceased";

    public StaffPlanPage Plans { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        Plans = await reader.ListPlansForStaffAsync(viewer, Ceased, PageNumber, PageSize, StaffPlanModel.Channel, cancellationToken);
    }

    public string PageLink(int page) => Ceased ? $"?status=ceased&page={page}" : $"?page={page}";
}
