using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

public sealed class SignOutModel(IPortalUser user, SignInService signIn) : SignInPageModel
{
    public string Email => user.Email;

    public IActionResult OnGet() => user.IsSignedIn ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (user.IsSignedIn)
        {
            await signIn.EndSessionsAsync(user.AccountId, cancellationToken);
        }

        await HttpContext.SignOutAsync(PortalClaims.Scheme);
        return RedirectToPage("SignedOut");
    }
}
