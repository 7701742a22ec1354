using System.Globalization;
using Microsoft.AspNetCore.Http;
using SelfService.Domain.Performance;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>
/// The dashboard's period as typed in the query string: <c>period</c> (month, quarter or year) and
/// the <c>month</c> and <c>year</c> it ends in. Missing values default to now; wrong ones are
/// errors to show, never exceptions. The page and the CSV files read it the same way.
/// </summary>
public sealed record DashboardQuery(string? Period, string? Month, string? Year)
{
    public const string PeriodField = "period";
    public const string MonthField = "month";
    public const string YearField = "year";

    /// <summary>SEND Regs 2014 came into force on 1 September 2014: nothing earlier has these measures.</summary>
    private const int FirstYear = 2014;

    public static DashboardQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(Value(query, PeriodField), Value(query, MonthField), Value(query, YearField));
    }

    /// <summary>The period kind and a date inside the chosen period, or the mistakes.</summary>
    public (PeriodKind Kind, DateOnly Date, IReadOnlyList<FieldError> Errors) Read(DateOnly today)
    {
        var errors = new List<FieldError>();
        var kind = PeriodKind.Month;
        if (Period is not null && !ReportingPeriod.TryParseKind(Period, out kind))
        {
            errors.Add(new FieldError(PeriodField, "Select month, quarter or calendar year"));
        }

        var month = today.Month;
        if (Month is not null && (!int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            errors.Add(new FieldError(MonthField, "Month must be a number from 1 to 12"));
        }

        var year = today.Year;
        if (Year is not null && (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < FirstYear || year > today.Year))
        {
            errors.Add(new FieldError(YearField, string.Create(CultureInfo.InvariantCulture, $"Year must be a year from {FirstYear} to {today.Year}")));
        }

        if (errors.Count == 0 && new DateOnly(year, month, 1) > today)
        {
            errors.Add(new FieldError(MonthField, "The month must be this month or in the past"));
        }

        return errors.Count > 0
            ? (PeriodKind.Month, today, errors)
            : (kind, year == today.Year && month == today.Month ? today : new DateOnly(year, month, 1), errors);
    }

    /// <summary>The query string that asks for the same period, for links to the CSV files.</summary>
    public static string QueryString(PeriodKind kind, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"?{PeriodField}={kind.ToString().ToLowerInvariant()}&{MonthField}={date.Month}&{YearField}={date.Year}");

    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.ToString() is { Length: > 0 } text ? text.Trim() : null;
}
