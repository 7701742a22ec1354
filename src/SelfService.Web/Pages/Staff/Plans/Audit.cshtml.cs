using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Data.Storage;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Plans;

/// <summary>Who viewed or changed a plan, and when: for service managers only.</summary>
[Authorize(Policy = StaffAuthorization.Manager)]
public sealed class PlanAuditModel(IPortalUser user, CaseReader reader, CaseStoreDbContext db) : PageModel
{
    public string Reference { get; private set; } = "";

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);

        // Reading the trail is itself a view of the plan, so it is audited like any other.
        var record = await reader.FindPlanForViewerAsync(reference, viewer, "staff-audit", cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Reference = record.Plan.Reference;
        var planId = record.Plan.Id.ToString();
        Entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditEntry.PlanEntityType && a.EntityId == planId)
            .OrderByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
