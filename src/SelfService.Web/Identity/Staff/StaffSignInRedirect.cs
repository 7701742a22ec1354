using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Identity.Staff;

/// <summary>Where a signed-out visitor to the staff pages is sent: the council's sign-in, when there is one.</summary>
public static class StaffSignInRedirect
{
    public const string SignInPath = "/staff/sign-in";

    public static string LoginUriFor(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var configured = context.HttpContext.RequestServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value.IsConfigured;
        return configured && request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            ? QueryHelpers.AddQueryString(request.PathBase + SignInPath, "returnUrl", request.PathBase + request.Path + request.QueryString)
            : context.RedirectUri;
    }
}
