using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Data.Accounts;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.SignIn;

public sealed class IndexModel(SignInService signIn, PendingSignIn pending, IOptions<SignInOptions> options) : SignInPageModel
{
    public const string EmailField = "email";

    [BindProperty(Name = EmailField)]
    public string? Email { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => ReturnUrl = SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReturnUrl = SafeReturnUrl(ReturnUrl);
        var email = Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            ModelState.AddModelError(EmailField, "Enter your email address");
            return Page();
        }

        if (!AccountEmail.IsValid(email))
        {
            ModelState.AddModelError(EmailField, "Enter an email address in the correct format, like name@example.com");
            return Page();
        }

        switch (await signIn.RequestCodeAsync(email, ClientIp, cancellationToken))
        {
            case CodeRequestOutcome.TooManyForAddress:
                ModelState.AddModelError(EmailField, $"You have asked for too many codes. Wait {Minutes(options.Value.LimitWindow)} minutes, then try again");
                return Page();
            case CodeRequestOutcome.TooManyFromIp:
                ModelState.AddModelError(EmailField, $"Too many codes have been asked for from your network. Wait {Minutes(options.Value.LimitWindow)} minutes, then try again");
                return Page();
            default:
                pending.Start(HttpContext, AccountEmail.Normalise(email), ReturnUrl, options.Value.CodeLifetime * 2);
                return RedirectToPage("Code");
        }
    }

    internal static int Minutes(TimeSpan span) => (int)Math.Ceiling(span.TotalMinutes);
}
