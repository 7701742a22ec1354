using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace SelfService.Web.Api;

/// <summary>
/// Collects field errors for an API request and turns them into RFC 7807 validation problems.
/// Keys are JSON paths as the client sent them (<c>events[1].date</c>), so a caller can point at
/// the exact value to fix.
/// </summary>
/// <example>
/// <code>
/// var errors = new ApiErrors();
/// if (request.Events[1].Date is null) errors.Add(ApiErrors.Item("events", 1, "date"), "Enter the date of the event");
/// if (errors.HasErrors) return errors.ToResult();
/// </code>
/// </example>
public sealed class ApiErrors
{
    /// <summary>Key used when the problem is with the request body as a whole.</summary>
    public const string BodyKey = "$";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public ApiErrors Add(string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    /// <summary>The path of a property of one item in a JSON array, e.g. <c>events[1].date</c>.</summary>
    public static string Item(string collection, int index, string property) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}].{property}");

    /// <summary>Turns a System.Text.Json path (<c>$.events[1].date</c>) into a field key.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return BodyKey;
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    public ValidationProblemDetails ToProblemDetails(string? detail = null)
    {
        var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
            Detail = detail,
        };
    }

    public IResult ToResult(string? detail = null) => TypedResults.Problem(ToProblemDetails(detail));

    /// <summary>The 400 for a body that is not JSON, or JSON of the wrong shape.</summary>
    public static ValidationProblemDetails FromJsonException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = FromJsonPath(exception.Path);
        var message = field == BodyKey
            ? exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture,
                    $"The request body is not valid JSON (line {line + 1}, position {position + 1}).")
                : "The request body is not valid JSON."
            : "The value is missing or not in the expected format.";
        return new ApiErrors().Add(field, message).ToProblemDetails("The request body could not be read.");
    }

    /// <summary>
    /// Writes a problem as <c>application/problem+json</c> whatever the Accept header says,
    /// with the trace id that support staff can find in the logs.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        problem.Status ??= context.Response.StatusCode;
        context.Response.StatusCode = problem.Status.Value;
        AddTraceId(context, problem);
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    internal static void AddTraceId(HttpContext context, ProblemDetails problem) =>
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
}
