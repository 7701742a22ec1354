using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Pages.StaffSignIn;

/// <summary>Sends a member of staff to the council's identity provider to sign in.</summary>
public sealed class IndexModel(StaffSignInService signIn) : StaffSignInPageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var step = await signIn.BeginAsync(HttpContext, SafeStaffReturnUrl(returnUrl), cancellationToken);
        if (step.Succeeded)
        {
            return Redirect(step.RedirectTo!);
        }

        ShowProblem(step.Problem);
        return Page();
    }
}
