using SelfService.Domain.Calendar;

namespace SelfService.Domain.Tests.Calendar;

/// <summary>Whether a date leaves room for deadlines months after it: answered for any date, never thrown.</summary>
public sealed class CoverageAheadTests
{
    private static readonly BankHolidays Holidays = new([new BankHoliday(new DateOnly(2026, 12, 25), "Christmas Day")], 2026, 2026);

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2025-12-31", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void A_date_is_covered_three_months_ahead_only_if_the_data_reaches_that_far(string date, bool covered) =>
        Assert.Equal(covered, Holidays.Covers(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), monthsAfter: 3));
}
