using System.Text.Json;
using SelfService.Domain.Calendar;

namespace SelfService.Web.Api.Calculators;

public sealed record WorkingDaysResponse(DateOnly Date);

/// <summary>POST /api/working-days: the Nth working day after a date (England and Wales bank holidays).</summary>
internal static class WorkingDaysEndpoint
{
    /// <summary>A year of working days covers every service level the council uses.</summary>
    private const int MaxWorkingDays = 260;

    public static Task<IResult> HandleAsync(HttpRequest request, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        CalculatorRequest.HandleAsync(request, (body, f) => Calculate(body, f, calendar), cancellationToken);

    private static WorkingDaysResponse? Calculate(JsonElement body, JsonFields f, WorkingDayCalendar calendar)
    {
        var from = f.Date(body, "from", "from", required: true);
        var days = f.WholeNumber(body, "workingDays", "workingDays", required: true, 0, MaxWorkingDays);
        CalendarCoverage.Require(f, calendar, from, "from", extraMonths: 13);
        return f.HasErrors ? null : new WorkingDaysResponse(calendar.AddWorkingDays(from!.Value, days!.Value));
    }
}
