using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

public sealed class CodeModel(SignInService signIn, PendingSignIn pending, IOptions<SignInOptions> options, TimeProvider time) : PendingSignInPageModel(pending)
{
    public const string CodeField = "code";

    [BindProperty(Name = CodeField)]
    public string? Code { get; set; }

    public int CodeMinutes => IndexModel.Minutes(options.Value.CodeLifetime);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ReadPending() is not { } state)
        {
            return RedirectToPage("Index");
        }

        // People copy codes with spaces or dashes around or inside them; forgive both.
        var code = new string((Code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(CodeField, "Enter the code from the email");
            return Page();
        }

        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(CodeField, "The code must be 6 numbers");
            return Page();
        }

        var result = await signIn.CheckCodeAsync(state.Email, code, ClientIp, cancellationToken);
        switch (result.Outcome)
        {
            case CodeCheckOutcome.SignedIn:
                PendingSignIn.Clear(HttpContext);
                await HttpContext.SignInAsync(PortalClaims.Scheme, PortalClaims.For(result.Account!, time.GetUtcNow()));
                return LocalRedirect(SafeReturnUrl(state.ReturnUrl) ?? "/");
            case CodeCheckOutcome.Wrong:
                ModelState.AddModelError(CodeField, "The code is not correct. Check the most recent email we sent you and try again");
                break;
            case CodeCheckOutcome.Expired:
                ModelState.AddModelError(CodeField, "This code has expired or has already been used. Send a new code");
                break;
            case CodeCheckOutcome.TooManyAttempts:
                ModelState.AddModelError(CodeField, "You have entered the wrong code too many times. Send a new code");
                break;
            default:
                ModelState.AddModelError(CodeField, $"Too many codes have been tried from your network. Wait {IndexModel.Minutes(options.Value.LimitWindow)} minutes, then try again");
                break;
        }

        return Page();
    }
}
