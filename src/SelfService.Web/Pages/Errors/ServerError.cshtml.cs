using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SelfService.Web.Pages.Errors;

// The exception handler re-executes the original request here, which may be a form POST whose
// antiforgery token is the very thing that failed.
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0, Location = ResponseCacheLocation.None)]
public sealed class ServerErrorModel : PageModel
{
    /// <summary>The case store was unreachable (503): nothing is wrong with what the person did, and trying again later works.</summary>
    public bool IsUnavailable => Response.StatusCode == StatusCodes.Status503ServiceUnavailable;

    public void OnGet() => KeepErrorStatus();

    public void OnPost() => KeepErrorStatus();

    private void KeepErrorStatus()
    {
        // Visited directly rather than re-executed after a failure: still not a success.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        else if (IsUnavailable)
        {
            // Well-behaved clients and proxies wait rather than hammer a database that is restarting.
            Response.Headers.RetryAfter = "30";
        }
    }
}
