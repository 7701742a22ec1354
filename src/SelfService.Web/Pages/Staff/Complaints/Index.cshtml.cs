using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Complaints;
using SelfService.Domain.Complaints;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Complaints;

/// <summary>Open complaints, earliest due first, with a RAG status and an overdue filter.</summary>
public sealed class IndexModel(IPortalUser user, ComplaintStore store, UkClock clock) : PageModel
{
    /// <summary>Amber when the next date is this many days away or fewer.</summary>
    public const int AmberWithinDays = 2;

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public IReadOnlyList<Complaint> Complaints { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Complaints = await store.ListOpenForStaffAsync(await user.GetViewerAsync(cancellationToken), Today, Overdue, cancellationToken);
        return Page();
    }

    public static (string Text, string Colour) Rag(DateOnly? due, DateOnly today) => due switch
    {
        null => ("Waiting", "govuk-tag--grey"),
        { } d when d < today => ("Overdue", "govuk-tag--red"),
        { } d when d.DayNumber - today.DayNumber <= AmberWithinDays => ("Due soon", "govuk-tag--yellow"),
        _ => ("On track", "govuk-tag--green"),
    };
}
