using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SelfService.Data.Complaints;
using SelfService.Web.Api;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Complaints;

/// <summary>
/// GET /api/figures/complaints?from=yyyy-MM-dd&amp;to=yyyy-MM-dd: complaint figures for staff, as
/// <see cref="ComplaintFigures"/> computes them for the dashboard. Bad dates get a validation problem.
/// </summary>
internal sealed class ComplaintFiguresApi : IApiEndpointGroup
{
    public void Map(RouteGroupBuilder api) => api.MapGet("/figures/complaints", GetAsync);

    private static async Task<IResult> GetAsync(string? from, string? to, HttpContext http, IPortalUser user, ComplaintFigures figures, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Problem(http, StatusCodes.Status401Unauthorized, "Sign in", "Sign in as a member of staff to see complaint figures.");
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        if (!viewer.IsStaff)
        {
            return Problem(http, StatusCodes.Status403Forbidden, "Staff only", "Complaint figures are for members of staff.");
        }

        var errors = new ApiErrors();
        var start = ReadDate(from, "from", errors);
        var end = ReadDate(to, "to", errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                errors.Add("to", "The end date must be on or after the start date");
            }
            else if (e.DayNumber - s.DayNumber > ComplaintFigures.MaxDays)
            {
                errors.Add("to", string.Create(CultureInfo.InvariantCulture, $"The period can be at most {ComplaintFigures.MaxDays} days"));
            }
        }

        if (errors.HasErrors)
        {
            var problem = errors.ToProblemDetails("Give from and to as dates, for example from=2026-04-01&to=2027-03-31.");
            ApiErrors.AddTraceId(http, problem);
            return TypedResults.Problem(problem);
        }

        return TypedResults.Ok(await figures.ForPeriodAsync(start!.Value, end!.Value, cancellationToken));
    }

    private static DateOnly? ReadDate(string? value, string field, ApiErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter the {field} date");
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (SupportedDates.Contains(date))
            {
                return date;
            }

            // Figures are counted month by month: a month past 9999-12 does not exist.
            errors.Add(field, $"The {field} date must be from {SupportedDates.Range}");
            return null;
        }

        errors.Add(field, $"The {field} date must be a real date written as yyyy-MM-dd");
        return null;
    }

    private static ProblemHttpResult Problem(HttpContext http, int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        ApiErrors.AddTraceId(http, problem);
        return TypedResults.Problem(problem);
    }
}
