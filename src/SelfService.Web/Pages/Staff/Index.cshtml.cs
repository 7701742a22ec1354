using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff;

public sealed class IndexModel(IPortalUser user, CaseStoreDbContext db) : PageModel
{
    public string StaffName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        StaffName = await db.StaffMembers.Where(s => s.Id == viewer.StaffMemberId).Select(s => s.Name).SingleAsync(cancellationToken);
    }
}
