using System.Globalization;

namespace SelfService.Domain.Performance;

/// <summary>How the dashboard groups dates: SEN2 publishes by calendar year; managers watch months and quarters.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>A calendar month, quarter or year, with inclusive first and last days.</summary>
public sealed record ReportingPeriod(PeriodKind Kind, DateOnly Start, DateOnly End)
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>How many periods a trend shows: a year of months, two years of quarters, five years.</summary>
    public static int TrendLength(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 8,
        _ => 5,
    };

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly date)
    {
        var start = kind switch
        {
            PeriodKind.Month => new DateOnly(date.Year, date.Month, 1),
            PeriodKind.Quarter => new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
            _ => new DateOnly(date.Year, 1, 1),
        };
        var end = kind switch
        {
            PeriodKind.Month => start.AddMonths(1).AddDays(-1),
            PeriodKind.Quarter => start.AddMonths(3).AddDays(-1),
            _ => start.AddYears(1).AddDays(-1),
        };
        return new ReportingPeriod(kind, start, end);
    }

    /// <summary>The <paramref name="count"/> periods ending with the one containing <paramref name="date"/>, oldest first.</summary>
    public static IReadOnlyList<ReportingPeriod> Trend(PeriodKind kind, DateOnly date, int count)
    {
        var periods = new List<ReportingPeriod>(count);
        var current = Containing(kind, date);
        for (var i = 0; i < count; i++)
        {
            periods.Add(current);
            current = Containing(kind, current.Start.AddDays(-1));
        }

        periods.Reverse();
        return periods;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>How people say it: "October 2026", "July to September 2026", "2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => Start.ToString("MMMM yyyy", UkCulture),
        PeriodKind.Quarter => string.Create(UkCulture, $"{Start:MMMM} to {End:MMMM yyyy}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A short label for chart axes: "Oct 2026", "Q3 2026", "2026".</summary>
    public string ShortLabel => Kind switch
    {
        PeriodKind.Month => Start.ToString("MMM yyyy", UkCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{((Start.Month - 1) / 3) + 1} {Start.Year}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads "month", "quarter" or "year" as typed in a query string; anything else is not a period.</summary>
    public static bool TryParseKind(string? text, out PeriodKind kind)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "MONTH":
                kind = PeriodKind.Month;
                return true;
            case "QUARTER":
                kind = PeriodKind.Quarter;
                return true;
            case "YEAR":
                kind = PeriodKind.Year;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
