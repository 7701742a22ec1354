using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Pages.StaffSignIn;

/// <summary>Where the council's identity provider sends people back to, with a code or an error.</summary>
public sealed class CallbackModel(StaffSignInService signIn) : StaffSignInPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var step = await signIn.CompleteAsync(HttpContext, cancellationToken);
        if (step.Succeeded)
        {
            // Only ever a local path: the return address was checked before the sign-in started.
            return LocalRedirect(step.RedirectTo!);
        }

        ShowProblem(step.Problem);
        return Page();
    }
}
