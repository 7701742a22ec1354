using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SelfService.Web.Pages.Errors;

/// <summary>Status code pages (404 and other errors without a body) for everything but the API.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    // Read from the response, not set by a handler: a re-executed PUT or DELETE runs no handler.
    public bool IsNotFound => Response.StatusCode == StatusCodes.Status404NotFound;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        // Reached by re-execution the status is already set; reached directly (/error/404) it is
        // not, and /error/200 must not become a way to get a "success" page.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        }
    }
}
