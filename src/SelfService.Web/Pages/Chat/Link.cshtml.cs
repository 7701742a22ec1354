using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Conversations;
using SelfService.Domain.Calendar;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Chat;

/// <summary>
/// "Use the chat in another app": a signed-in user gets a one-time 6-digit code to type into the
/// bot in Teams (or another channel), which is how the bot learns who they are there.
/// </summary>
public sealed class LinkModel(IPortalUser user, ChatLinks links) : PageModel
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string? Code { get; private set; }

    /// <summary>When the code stops working, in UK time ("10:42").</summary>
    public string? ValidUntil { get; private set; }

    public int LifetimeMinutes => (int)ChatLinks.CodeLifetime.TotalMinutes;

    public IActionResult OnGet() => user.IsSignedIn ? Page() : SignIn();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return SignIn();
        }

        var (code, expires) = await links.IssueCodeAsync(user.AccountId, cancellationToken);
        Code = code;
        var local = TimeZoneInfo.ConvertTimeFromUtc(expires, London);
        ValidUntil = $"{local:HH:mm} on {UkDate.Long(DateOnly.FromDateTime(local))}";

        // The code must not linger in a shared cache or the browser's back-forward history.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private RedirectResult SignIn() => Redirect("/sign-in?returnUrl=%2Fchat%2Flink");
}
