using SelfService.Domain.Calendar;

namespace SelfService.Web.Api.Calculators;

public sealed record WorkingDaysResponse(DateOnly Date);

/// <summary>POST /api/working-days: the Nth working day after a date (England and Wales bank holidays).</summary>
internal static class WorkingDaysEndpoint
{
    /// <summary>A year of working days covers every service level the council uses.</summary>
    private const int MaxWorkingDays = 260;

    public static async Task<IResult> HandleAsync(
        HttpRequest request, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var (document, problem) = await CalculatorRequest.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var body = document!;
        var f = new JsonFields();
        var from = f.Date(body.RootElement, "from", "from", required: true);
        var days = f.WholeNumber(body.RootElement, "workingDays", "workingDays", required: true, 0, MaxWorkingDays);
        CalendarCoverage.Require(f, calendar, from, "from", extraMonths: 13);
        if (f.HasErrors)
        {
            return CalculatorRequest.Invalid(f);
        }

        return TypedResults.Ok(new WorkingDaysResponse(calendar.AddWorkingDays(from!.Value, days!.Value)));
    }
}
