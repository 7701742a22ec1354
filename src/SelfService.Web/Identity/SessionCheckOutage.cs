using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;

namespace SelfService.Web.Identity;

/// <summary>
/// The session check reads the case store on every request. When the store is down, throwing
/// from the check would also break the error page: the cookie handler keeps its result for the
/// whole request, so the exception handler's re-run of the pipeline would fail the same way and
/// the person would get no page at all. So the check remembers the outage and lets the request go
/// on as not signed in; straight after authentication the outage is rethrown, once, and the
/// exception handler shows "the service is unavailable". The cookie is left alone.
/// </summary>
internal static class SessionCheckOutage
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, Exception outage) => context.Items[Key] = outage;

    public static IApplicationBuilder UseSessionCheckOutage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items[Key] is Exception outage && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                ExceptionDispatchInfo.Throw(outage);
            }

            await next(context);
        });
}
