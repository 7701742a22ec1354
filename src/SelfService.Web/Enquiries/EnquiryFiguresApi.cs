using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SelfService.Data.Enquiries;
using SelfService.Web.Api;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Enquiries;

/// <summary>
/// GET /api/figures/enquiries?from=yyyy-MM-dd&amp;to=yyyy-MM-dd: members' enquiry service levels by
/// month and member type, and volume by category, for staff. Bad dates are a validation problem.
/// </summary>
internal sealed class EnquiryFiguresApi : IApiEndpointGroup
{
    /// <summary>Five years is more than any report needs, and bounds the work one request can ask for.</summary>
    public const int MaxDays = 5 * 366;

    /// <summary>Enum names, not numbers, so the dashboard and people reading the JSON need no lookup table.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Map(RouteGroupBuilder api) => api.MapGet("/figures/enquiries", GetAsync);

    private static async Task<IResult> GetAsync(
        string? from, string? to, IPortalUser user, EnquiryFigures figures, UkClock clock, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in as a member of SEND staff to see these figures." });
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        if (!viewer.IsStaff)
        {
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Only SEND staff can see these figures." });
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = ReadDate(from, "from", errors);
        var end = ReadDate(to, "to", errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                errors["to"] = ["'to' must be on or after 'from'."];
            }
            else if (e.DayNumber - s.DayNumber > MaxDays)
            {
                errors["to"] = [string.Create(CultureInfo.InvariantCulture, $"Ask for at most {MaxDays} days at a time.")];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The dates are not valid.");
        }

        return TypedResults.Json(await figures.CalculateAsync(start!.Value, end!.Value, clock.Today(), cancellationToken), Json);
    }

    private static DateOnly? ReadDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"Give '{name}' as a date, yyyy-MM-dd."];
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = [$"'{name}' must be a real date written yyyy-MM-dd."];
            return null;
        }

        if (!SupportedDates.Contains(date))
        {
            errors[name] = [$"'{name}' must be a date from {SupportedDates.Range}."];
            return null;
        }

        return date;
    }
}
