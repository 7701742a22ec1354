using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

public sealed class NewCodeModel(SignInService signIn, PendingSignIn pending, IOptions<SignInOptions> options) : PendingSignInPageModel(pending)
{
    public const string SendField = "send";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ReadPending() is not { } state)
        {
            return RedirectToPage("Index");
        }
        switch (await signIn.RequestCodeAsync(state.Email, ClientIp, cancellationToken))
        {
            case CodeRequestOutcome.Sent:
                Pending.Start(HttpContext, state.Email, state.ReturnUrl, options.Value.CodeLifetime * 2);
                return RedirectToPage("Code");
            case CodeRequestOutcome.TooManyForAddress:
                ModelState.AddModelError(SendField, $"You have asked for too many codes. Wait {IndexModel.Minutes(options.Value.LimitWindow)} minutes, then try again");
                return Page();
            default:
                ModelState.AddModelError(SendField, $"Too many codes have been asked for from your network. Wait {IndexModel.Minutes(options.Value.LimitWindow)} minutes, then try again");
                return Page();
        }
    }
}
