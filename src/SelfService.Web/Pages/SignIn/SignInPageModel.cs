using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SelfService.Web.Pages.SignIn;

/// <summary>What the sign-in pages share: the caller's IP, safe return addresses, field errors.</summary>
public abstract class SignInPageModel : PageModel
{
    public string? FieldError(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected string ClientIp
    {
        get
        {
            var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return ip.Length <= Data.Accounts.SignInCode.IpAddressLength ? ip : ip[..Data.Accounts.SignInCode.IpAddressLength];
        }
    }

    /// <summary>Only pages of this site, so a crafted sign-in link cannot send someone elsewhere afterwards.</summary>
    protected string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/sign-", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : null;

    protected void SetTitle(string title)
    {
        ViewData["Title"] = title;
        ViewData["HasError"] = !ModelState.IsValid;
    }
}
