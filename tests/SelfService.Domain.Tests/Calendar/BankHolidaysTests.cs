using System.Globalization;
using System.Text;
using SelfService.Domain.Calendar;

namespace SelfService.Domain.Tests.Calendar;

public class BankHolidaysTests
{
    private static readonly BankHolidays _englandAndWales = BankHolidays.EnglandAndWales;

    [Fact]
    public void Embedded_data_covers_2023_to_2030()
    {
        Assert.Equal(2023, _englandAndWales.FirstYear);
        Assert.Equal(2030, _englandAndWales.LastYear);
        Assert.Equal("2023 to 2030", _englandAndWales.CoveredRange);
    }

    [Fact]
    public void Embedded_data_holds_every_published_event()
    {
        // 8 a year, plus the 2023 coronation.
        Assert.Equal(65, _englandAndWales.Dates.Count);
    }

    [Theory]
    [InlineData("2023-01-02", "New Year's Day (substitute day)")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2026-04-06", "Easter Monday")]
    [InlineData("2026-08-31", "Summer bank holiday")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2028-01-03", "New Year's Day (substitute day)")]
    [InlineData("2030-12-26", "Boxing Day")]
    public void Title_of_a_bank_holiday(string date, string title)
    {
        Assert.Equal(title, _englandAndWales.TitleOf(TestDates.Parse(date)));
        Assert.True(_englandAndWales.IsBankHoliday(TestDates.Parse(date)));
    }

    [Theory]
    [InlineData("2026-12-26")] // Saturday Boxing Day: the holiday is the substitute Monday
    [InlineData("2027-12-25")]
    [InlineData("2026-12-29")]
    [InlineData("2026-03-02")]
    public void Ordinary_day_has_no_title(string date)
    {
        var day = TestDates.Parse(date);
        Assert.Null(_englandAndWales.TitleOf(day));
        Assert.False(_englandAndWales.IsBankHoliday(day));
    }

    [Theory]
    [InlineData(2022, 12, 31)]
    [InlineData(2031, 1, 1)]
    public void Lookup_outside_covered_years_throws_naming_the_range(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _englandAndWales.TitleOf(date));
        Assert.Contains("2023 to 2030", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _englandAndWales.IsBankHoliday(date));
    }

    [Fact]
    public void England_and_Wales_is_loaded_once_even_when_asked_for_concurrently()
    {
        var seen = new BankHolidays[16];
        Parallel.For(0, seen.Length, i => seen[i] = BankHolidays.EnglandAndWales);

        Assert.All(seen, h => Assert.Same(_englandAndWales, h));
    }

    [Fact]
    public void Data_missing_a_year_in_the_middle_is_rejected()
    {
        const string json = """
            {"division":"england-and-wales","events":[
              {"date":"2025-12-25","title":"Christmas Day"},
              {"date":"2027-12-27","title":"Christmas Day (substitute day)"}]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<InvalidDataException>(() => BankHolidays.FromJson(stream));
        Assert.Contains("2026", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_from_json_takes_its_range_from_the_events()
    {
        const string json = """
            {"division":"england-and-wales","events":[
              {"date":"2025-12-25","title":"Christmas Day"},
              {"date":"2026-01-01","title":"New Year's Day"}]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var holidays = BankHolidays.FromJson(stream);

        Assert.Equal(2025, holidays.FirstYear);
        Assert.Equal(2026, holidays.LastYear);
        Assert.Equal("New Year's Day", holidays.TitleOf(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Holiday_outside_the_stated_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            new BankHolidays([new BankHoliday(new DateOnly(2031, 1, 1), "New Year's Day")], 2023, 2030));
    }
}
