using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Pages.StaffSignIn;

/// <summary>
/// Ends a staff session here (every copy of it, through the account's security stamp) and then at
/// the council's identity provider, which sends the browser back to the signed-out page.
/// </summary>
public sealed class SignOutModel(IPortalUser user, SignInService sessions, StaffSignInService staffSignIn) : StaffSignInPageModel
{
    public string Email => user.Email;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return RedirectToPage("SignedOut");
        }

        // The form's response redirects to the provider, and browsers hold redirects after a form
        // post to the page's form-action policy.
        if (await staffSignIn.EndSessionOriginAsync(cancellationToken) is { } provider)
        {
            HttpContext.AllowFormActionTo(provider);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var endSession = await staffSignIn.EndSessionUrlAsync(HttpContext, User, cancellationToken);
        if (user.IsSignedIn)
        {
            await sessions.EndSessionsAsync(user.AccountId, cancellationToken);
        }

        await HttpContext.SignOutAsync(PortalClaims.Scheme);
        return endSession is null ? RedirectToPage("SignedOut") : Redirect(endSession);
    }
}
