using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Domain.Access;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>"Your cases": a family's children, or a school's requests and pupils, each with its stage and next date.</summary>
public sealed class IndexModel(IPortalUser user, CaseReader reader, UkClock clock) : PageModel
{
    public CaseList List { get; private set; } = CaseList.Empty;

    public DateOnly Today { get; private set; }

    /// <summary>Whether the list is (partly) a school's view, which changes the headings.</summary>
    public bool ForSchool { get; private set; }

    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Redirect("/sign-in?returnUrl=%2Fcases");
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        Today = clock.Today();
        List = await reader.ListForViewerAsync(viewer, Today, CaseChannels.Portal, cancellationToken);
        ForSchool = viewer.SchoolIds.Count > 0;
        IsStaff = viewer.IsStaff;
        return Page();
    }

    public static bool IsSchoolRow(CaseAccessBasis basis) => basis == CaseAccessBasis.School;
}
