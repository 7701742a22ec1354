using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SelfService.Web.Pages.Requests;

/// <summary>The start page: what the request needs, then a new draft.</summary>
public sealed class NewModel(RequestServices services) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await services.Drafts.StartAsync(services.User.AccountId, services.User.Email, services.NowUtc, cancellationToken);
        return Redirect($"/requests/{draft.Id}");
    }
}
