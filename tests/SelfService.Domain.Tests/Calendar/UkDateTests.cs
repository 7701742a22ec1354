using System.Globalization;
using SelfService.Domain.Calendar;

namespace SelfService.Domain.Tests.Calendar;

public class UkDateTests
{
    [Theory]
    [InlineData(2026, 2, 16, "Monday 16 February 2026")]
    [InlineData(2026, 3, 2, "Monday 2 March 2026")]
    [InlineData(2025, 12, 31, "Wednesday 31 December 2025")]
    [InlineData(2028, 2, 29, "Tuesday 29 February 2028")]
    public void Long_gives_weekday_day_month_and_year(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, UkDate.Long(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Long_ignores_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("Monday 16 February 2026", UkDate.Long(new DateOnly(2026, 2, 16)));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Day_month_year_has_no_weekday()
    {
        Assert.Equal("31 December 2025", UkDate.DayMonthYear(new DateOnly(2025, 12, 31)));
    }
}
