using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Domain.People;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Plans;

/// <summary>The plans in place, the soonest review first; or the ceased ones.</summary>
public sealed class PlansIndexModel(IPortalUser user, CaseReader reader, CaseStoreDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"ceased" for ceased plans; anything else lists the plans in force.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>A caseworker's id, or "me"; everyone's plans when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Caseworker { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Ceased => Status == "ceased";

    public StaffPlanPage Plans { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<StaffMember> Caseworkers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        Caseworkers = await db.StaffMembers.AsNoTracking().Where(s => s.Role == StaffRole.Caseworker).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        Guid? caseworker = Caseworker == "me" ? viewer.StaffMemberId : Guid.TryParse(Caseworker, out var id) ? id : null;
        Plans = await reader.ListPlansForStaffAsync(viewer, Ceased, caseworker, PageNumber, PageSize, StaffPlanModel.Channel, cancellationToken);
    }

    public string PageLink(int page) =>
        $"?status={(Ceased ? "ceased" : "")}&caseworker={Uri.EscapeDataString(Caseworker ?? "")}&page={page}";
}
