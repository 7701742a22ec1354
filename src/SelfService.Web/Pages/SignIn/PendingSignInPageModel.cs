using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

/// <summary>
/// The pages after an address has been entered: without the pending sign-in (expired, or opened
/// directly) they send the person back to enter their address again.
/// </summary>
public abstract class PendingSignInPageModel(PendingSignIn pending) : SignInPageModel
{
    public string Email { get; private set; } = string.Empty;

    protected PendingSignIn Pending { get; } = pending;

    public IActionResult OnGet() => ReadPending() is null ? RedirectToPage("Index") : Page();

    /// <summary>The pending sign-in, with <see cref="Email"/> set from it; null when there is none.</summary>
    protected PendingSignIn.State? ReadPending()
    {
        var state = Pending.Read(HttpContext);
        Email = state?.Email ?? string.Empty;
        return state;
    }
}
