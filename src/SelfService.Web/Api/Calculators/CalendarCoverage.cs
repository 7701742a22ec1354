using SelfService.Domain.Calendar;

namespace SelfService.Web.Api.Calculators;

/// <summary>
/// Working-day answers are only as good as the bank-holiday list, so dates the list does not
/// cover are refused up front with the range we can answer for, never guessed.
/// </summary>
internal static class CalendarCoverage
{
    public static void Require(JsonFields fields, WorkingDayCalendar calendar, DateOnly? date, string path, int extraMonths)
    {
        if (date is { } d && !(calendar.BankHolidays.Covers(d) && calendar.BankHolidays.Covers(d.AddMonths(extraMonths))))
        {
            fields.Add(path, $"{path} is outside the dates we hold bank holidays for ({calendar.BankHolidays.CoveredRange}), so we cannot work this out.");
        }
    }
}
