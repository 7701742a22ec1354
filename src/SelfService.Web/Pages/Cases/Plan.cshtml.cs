using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Domain.Timeline;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>A plan in place: the next annual review, any phase transfer deadline, and past review outcomes.</summary>
public sealed class PlanModel(IPortalUser user, CaseReader reader, UkClock clock) : PageModel
{
    public PlanRecord Record { get; private set; } = null!;

    public AnnualReviewTimeline Timeline { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planReference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindPlanForViewerAsync(planReference, viewer, CaseChannels.Portal, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Timeline = AnnualReviewClock.Calculate(record.Plan.ToTimelineInput(), clock.Today());
        return Page();
    }
}
