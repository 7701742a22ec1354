using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SelfService.Data;
using SelfService.Web.Api;

namespace SelfService.Web.Hosting;

/// <summary>
/// Answers failed API requests with ProblemDetails JSON. Page requests are left to the
/// exception handler's re-execution of the GOV.UK error page.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);

        // The middleware has already rewritten Request.Path to the error page; decide on the
        // path the client asked for.
        var path = new PathString(
            httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (!path.StartsWithSegments(ApiEndpointsExtensions.ApiPrefix))
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, path);
        }
        else
        {
            LogClientError(logger, problem.Status ?? 0, httpContext.Request.Method, path, exception.Message);
        }

        await ApiErrors.WriteAsync(httpContext, problem);
        return true;
    }

    /// <summary>The status for both API and page requests; everything unexpected is a 500.</summary>
    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        JsonException => StatusCodes.Status400BadRequest,
        _ when CaseStoreOutage.IsOutage(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    // Only fixed wording reaches the client: exception messages and stack traces can carry
    // personal data or internals, so they go to the log alone.
    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => ApiErrors.FromJsonException(json),
        JsonException json => ApiErrors.FromJsonException(json),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Detail = "The request could not be understood. Check the URL, query string and body.",
        },
        _ when CaseStoreOutage.IsOutage(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Sorry, the service is unavailable.",
            Detail = "Try again in a few minutes.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Sorry, there is a problem with the service.",
            Detail = "Try again later. If it keeps happening, quote the trace id to the SEND team.",
        },
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request {Status} for {Method} {Path}: {Reason}")]
    private static partial void LogClientError(ILogger logger, int status, string method, PathString path, string reason);
}
