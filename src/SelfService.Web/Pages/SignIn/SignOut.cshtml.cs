using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

public sealed class SignOutModel(IPortalUser user) : SignInPageModel
{
    public string Email => user.Email;

    public IActionResult OnGet() => user.IsSignedIn ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalClaims.Scheme);
        return RedirectToPage("SignedOut");
    }
}
