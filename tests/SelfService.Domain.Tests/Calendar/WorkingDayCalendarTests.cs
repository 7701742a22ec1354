using SelfService.Domain.Calendar;
using static SelfService.Domain.Tests.Calendar.TestDates;

namespace SelfService.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar _calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2026-01-14", true)] // Wednesday
    [InlineData("2026-01-17", false)] // Saturday
    [InlineData("2026-01-18", false)] // Sunday
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2023-05-08", false)] // coronation of King Charles III
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-28", false)] // Boxing Day substitute
    [InlineData("2026-12-29", true)]
    [InlineData("2027-12-27", false)] // Christmas Day substitute
    [InlineData("2027-12-28", false)] // Boxing Day substitute
    [InlineData("2027-12-29", true)]
    [InlineData("2028-01-03", false)] // New Year's Day substitute
    [InlineData("2026-08-31", false)] // summer bank holiday
    public void Is_working_day(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(Parse(date)));
    }

    [Theory]
    // Weekends
    [InlineData("2026-01-15", 2, "2026-01-19")] // Thu + 2 -> Mon
    [InlineData("2026-01-16", 1, "2026-01-19")] // Fri + 1 -> Mon
    [InlineData("2026-01-17", 1, "2026-01-19")] // Sat + 1 -> Mon: the Saturday does not count
    [InlineData("2026-01-14", 5, "2026-01-21")] // Wed + 5 -> Wed
    // Easter
    [InlineData("2026-04-02", 1, "2026-04-07")] // Thu before Good Friday -> Tue after Easter Monday
    [InlineData("2026-04-02", 2, "2026-04-08")]
    [InlineData("2025-04-17", 1, "2025-04-22")]
    // Christmas 2026: Fri 25 Dec, Boxing Day substitute Mon 28 Dec, New Year Fri 1 Jan
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-24", 3, "2026-12-31")]
    [InlineData("2026-12-24", 4, "2027-01-04")]
    [InlineData("2026-12-24", 10, "2027-01-12")]
    // Christmas 2027: substitutes Mon 27 and Tue 28 Dec, New Year substitute Mon 3 Jan 2028
    [InlineData("2027-12-24", 1, "2027-12-29")]
    [InlineData("2027-12-24", 3, "2027-12-31")]
    [InlineData("2027-12-24", 4, "2028-01-04")]
    // May and August bank holidays
    [InlineData("2026-05-01", 1, "2026-05-05")] // early May
    [InlineData("2026-05-22", 1, "2026-05-26")] // spring
    [InlineData("2026-08-28", 1, "2026-09-01")] // summer
    [InlineData("2023-05-05", 1, "2023-05-09")] // coronation
    [InlineData("2023-04-28", 5, "2023-05-09")] // early May and coronation in one count
    // Year boundaries
    [InlineData("2024-12-31", 1, "2025-01-02")]
    [InlineData("2024-12-30", 2, "2025-01-02")]
    [InlineData("2023-01-01", 1, "2023-01-03")] // New Year substitute Mon 2 Jan 2023
    [InlineData("2030-12-24", 1, "2030-12-27")]
    public void Add_working_days_counts_the_nth_working_day_after(string from, int workingDays, string expected)
    {
        Assert.Equal(Parse(expected), _calendar.AddWorkingDays(Parse(from), workingDays));
    }

    [Theory]
    [InlineData("2026-01-14")] // working day
    [InlineData("2026-01-17")] // Saturday
    [InlineData("2026-12-25")] // Christmas Day
    public void Adding_zero_working_days_returns_the_same_date(string date)
    {
        Assert.Equal(Parse(date), _calendar.AddWorkingDays(Parse(date), 0));
    }

    [Fact]
    public void Adding_negative_working_days_throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(Parse("2026-01-14"), -1));
        Assert.Equal("workingDays", ex.ParamName);
    }

    [Theory]
    [InlineData("2022-12-30")]
    [InlineData("2031-01-02")]
    public void Dates_outside_the_data_throw_naming_the_covered_range(string date)
    {
        var day = Parse(date);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(day));
        Assert.Contains("2023 to 2030", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(day, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.NextWorkingDayOnOrAfter(day));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.WorkingDaysBetween(day, day));
    }

    [Fact]
    public void Counting_past_the_end_of_the_data_throws_rather_than_guessing()
    {
        // 2031-01-01 would be reached; whether it is a holiday is unknown to the data.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(Parse("2030-12-31"), 1));
        Assert.Contains("2023 to 2030", ex.Message, StringComparison.Ordinal);
        Assert.Equal("workingDays", ex.ParamName);
    }

    [Fact]
    public void Counting_up_to_the_last_covered_day_is_allowed()
    {
        Assert.Equal(Parse("2030-12-31"), _calendar.AddWorkingDays(Parse("2030-12-27"), 2));
    }

    [Theory]
    [InlineData("2026-01-14", "2026-01-14")] // already a working day
    [InlineData("2026-01-17", "2026-01-19")] // Saturday -> Monday
    [InlineData("2026-04-03", "2026-04-07")] // Good Friday -> Tuesday after Easter Monday
    [InlineData("2026-04-04", "2026-04-07")]
    [InlineData("2026-12-25", "2026-12-29")]
    [InlineData("2027-12-25", "2027-12-29")]
    [InlineData("2028-01-01", "2028-01-04")]
    public void Next_working_day_on_or_after(string date, string expected)
    {
        Assert.Equal(Parse(expected), _calendar.NextWorkingDayOnOrAfter(Parse(date)));
    }

    [Theory]
    [InlineData("2026-01-14", "2026-01-15")] // a working day is skipped
    [InlineData("2026-04-02", "2026-04-07")]
    [InlineData("2026-08-31", "2026-09-01")]
    [InlineData("2025-08-31", "2025-09-01")]
    [InlineData("2027-01-01", "2027-01-04")]
    [InlineData("2028-01-01", "2028-01-04")]
    public void First_working_day_after(string date, string expected)
    {
        Assert.Equal(Parse(expected), _calendar.FirstWorkingDayAfter(Parse(date)));
    }

    [Theory]
    [InlineData("2026-01-14", "2026-01-14", 0)] // acknowledged on the day received
    [InlineData("2026-01-16", "2026-01-19", 1)] // Fri -> Mon
    [InlineData("2026-01-17", "2026-01-18", 0)] // Sat -> Sun
    [InlineData("2026-04-02", "2026-04-07", 1)] // over Easter
    [InlineData("2026-12-24", "2026-12-30", 2)]
    [InlineData("2026-12-24", "2027-01-12", 10)]
    [InlineData("2023-04-28", "2023-05-09", 5)]
    public void Working_days_between(string fromExclusive, string toInclusive, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(Parse(fromExclusive), Parse(toInclusive)));
    }

    [Fact]
    public void Working_days_between_rejects_an_end_before_the_start()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => _calendar.WorkingDaysBetween(Parse("2026-01-19"), Parse("2026-01-16")));
        Assert.Equal("toInclusive", ex.ParamName);
    }

    [Fact]
    public void Working_days_between_undoes_add_working_days()
    {
        for (var from = Parse("2026-12-01"); from <= Parse("2027-01-15"); from = from.AddDays(1))
        {
            for (var n = 0; n <= 12; n++)
            {
                Assert.Equal(n, _calendar.WorkingDaysBetween(from, _calendar.AddWorkingDays(from, n)));
            }
        }
    }

    [Fact]
    public void Injected_holidays_are_used_instead_of_the_published_ones()
    {
        var calendar = new WorkingDayCalendar([Parse("2025-06-11")], 2025, 2025);

        Assert.False(calendar.IsWorkingDay(Parse("2025-06-11")));
        Assert.True(calendar.IsWorkingDay(Parse("2025-12-25"))); // not in the injected set
        Assert.Equal(Parse("2025-06-12"), calendar.AddWorkingDays(Parse("2025-06-10"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(Parse("2026-01-05")));
    }
}
