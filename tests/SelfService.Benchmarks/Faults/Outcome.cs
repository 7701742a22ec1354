using System.Net;
using System.Net.Sockets;

namespace SelfService.Benchmarks.Faults;

internal enum OutcomeKind
{
    /// <summary>What was asked for happened (a page, or the redirect that follows a saved form).</summary>
    Success,

    /// <summary>A GOV.UK error page with no internals on it: the person is told it did not work.</summary>
    CleanFailure,

    /// <summary>No HTTP answer at all (refused, reset, closed): expected only when the process dies.</summary>
    ConnectionFailure,

    /// <summary>Anything else (a stack trace, an unexpected status, a page that is not ours, a timeout): a defect.</summary>
    Other,
}

/// <summary>One response as the person saw it.</summary>
internal sealed record Outcome(OutcomeKind Kind, int Status, string Detail)
{
    /// <summary>What a stack trace or exception detail looks like on a page; none must ever reach a person.</summary>
    private static readonly string[] Internals = ["   at ", "Exception:", "Npgsql", "SqliteException", "stack trace", "StackTrace"];

    public static Outcome Classify(HttpResponseMessage response, string body, Func<HttpResponseMessage, bool> isSuccess)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (Internals.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal)) is { } leaked)
        {
            return new(OutcomeKind.Other, status, $"internals on the page ({leaked.Trim()})");
        }

        if (isSuccess(response))
        {
            return new(OutcomeKind.Success, status, "ok");
        }

        if (status >= 500 && body.Contains("govuk-heading-l", StringComparison.Ordinal)
            && body.Contains("Sorry, ", StringComparison.Ordinal))
        {
            return new(OutcomeKind.CleanFailure, status, $"GOV.UK error page {status}");
        }

        var summary = body.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
        var refused = summary < 0 ? "" : " refused: " + System.Text.RegularExpressions.Regex.Replace(body.Substring(summary, Math.Min(400, body.Length - summary)), "<[^>]+>|\\s+", " ").Trim();
        return new(OutcomeKind.Other, status, $"unexpected {status} {response.RequestMessage?.RequestUri?.AbsolutePath} {response.Headers.Location}{refused}");
    }

    public static Outcome FromException(Exception exception) => exception switch
    {
        HttpRequestException { InnerException: SocketException or IOException } or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded }
            => new(OutcomeKind.ConnectionFailure, 0, exception.GetType().Name),
        TaskCanceledException => new(OutcomeKind.Other, 0, "timed out"),
        _ => new(OutcomeKind.Other, 0, $"{exception.GetType().Name}: {exception.Message}"),
    };

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found;
}
