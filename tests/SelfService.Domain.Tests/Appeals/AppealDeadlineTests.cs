using SelfService.Domain.Appeals;
using SelfService.Domain.Calendar;
using static SelfService.Domain.Tests.Calendar.TestDates;

namespace SelfService.Domain.Tests.Appeals;

public class AppealDeadlineTests
{
    private static readonly WorkingDayCalendar _calendar = WorkingDayCalendar.EnglandAndWales;

    private static AppealDeadlineResult Calculate(string letter, string? certificate = null) =>
        AppealDeadline.Calculate(Parse(letter), certificate is null ? null : Parse(certificate), _calendar);

    [Fact]
    public void Letter_on_31_December_2025_gives_Monday_2_March_2026()
    {
        var result = Calculate("2025-12-31");

        Assert.Equal(Parse("2026-03-02"), result.Deadline);
        Assert.Equal(
            "You have until Monday 2 March 2026 to appeal to the SEND Tribunal. That is 2 months from your decision letter " +
            "dated 31 December 2025; the deadline fell on Saturday 28 February 2026, which is not a working day, so it " +
            "moves to the next working day.",
            result.Explanation);
    }

    [Fact]
    public void Deadline_on_a_working_day_is_not_moved()
    {
        var result = Calculate("2025-12-16");

        Assert.Equal(Parse("2026-02-16"), result.Deadline);
        Assert.Equal(
            "You have until Monday 16 February 2026 to appeal to the SEND Tribunal. That is 2 months from your decision " +
            "letter dated 16 December 2025.",
            result.Explanation);
    }

    [Theory]
    [InlineData("2025-08-31", "2025-10-31")] // 31 Oct 2025 is a Friday
    [InlineData("2026-08-31", "2026-11-02")] // 31 Oct 2026 is a Saturday
    [InlineData("2025-11-30", "2026-01-30")] // Friday
    [InlineData("2027-12-29", "2028-02-29")] // leap year, Tuesday
    [InlineData("2027-12-30", "2028-02-29")] // clamped to the end of February
    [InlineData("2027-12-31", "2028-02-29")]
    [InlineData("2026-12-29", "2027-03-01")] // 28 Feb 2027 is a Sunday
    public void Two_months_keeps_the_day_number_or_clamps_to_month_end(string letter, string expected)
    {
        Assert.Equal(Parse(expected), Calculate(letter).Deadline);
    }

    [Theory]
    [InlineData("2026-10-27", "2027-01-04")] // Sun 27 Dec 2026; plain next-working-day would give Tue 29 Dec
    [InlineData("2026-10-29", "2027-01-04")] // Tue 29 Dec 2026 is a working day but still moves
    [InlineData("2026-10-25", "2027-01-04")] // Christmas Day itself
    [InlineData("2026-11-01", "2027-01-04")] // New Year's Day itself
    [InlineData("2027-10-25", "2028-01-04")] // Sat 25 Dec 2027; 1 Jan 2028 is a Saturday, Mon 3 Jan its substitute
    [InlineData("2025-10-24", "2025-12-24")] // Christmas Eve is outside the window: a Wednesday, not moved
    [InlineData("2025-11-02", "2026-01-02")] // 2 January is outside the window: a Friday, not moved
    public void Deadline_from_25_December_to_1_January_moves_past_1_January(string letter, string expected)
    {
        Assert.Equal(Parse(expected), Calculate(letter).Deadline);
    }

    [Fact]
    public void Christmas_move_is_explained()
    {
        var result = Calculate("2026-10-27");

        Assert.Equal(
            "You have until Monday 4 January 2027 to appeal to the SEND Tribunal. That is 2 months from your decision " +
            "letter dated 27 October 2026; the deadline fell on Sunday 27 December 2026, between 25 December and " +
            "1 January, so it moves to the first working day after 1 January.",
            result.Explanation);
    }

    [Theory]
    [InlineData("2026-06-10", "2026-09-01")] // Mon 10 Aug 2026; Mon 31 Aug is the bank holiday, Tue 1 Sep is a working day
    [InlineData("2026-06-30", "2026-09-01")]
    [InlineData("2025-06-01", "2025-09-01")] // Fri 1 Aug 2025; 31 Aug 2025 is a Sunday
    [InlineData("2027-06-30", "2027-09-01")] // Mon 30 Aug 2027 is a bank holiday; plain next-working-day would give Tue 31 Aug
    [InlineData("2026-05-31", "2026-07-31")] // 31 July is not in August: a Friday, not moved
    [InlineData("2026-07-01", "2026-09-01")] // already September: a Tuesday, not moved
    public void Deadline_in_August_moves_to_the_first_working_day_after_31_August(string letter, string expected)
    {
        Assert.Equal(Parse(expected), Calculate(letter).Deadline);
    }

    [Fact]
    public void August_move_is_explained()
    {
        var result = Calculate("2026-06-10");

        Assert.Equal(
            "You have until Tuesday 1 September 2026 to appeal to the SEND Tribunal. That is 2 months from your decision " +
            "letter dated 10 June 2026; the deadline fell on Monday 10 August 2026, in August, so it moves to the first " +
            "working day after 31 August.",
            result.Explanation);
    }

    [Fact]
    public void Later_mediation_certificate_wins()
    {
        // Letter + 2 months = Thu 5 Mar 2026; certificate + 1 month = Fri 20 Mar 2026.
        var result = Calculate("2026-01-05", "2026-02-20");

        Assert.Equal(Parse("2026-03-20"), result.Deadline);
        Assert.Equal(
            "You have until Friday 20 March 2026 to appeal to the SEND Tribunal. That is 1 month from your mediation " +
            "certificate dated 20 February 2026, which is later than 2 months from your decision letter dated 5 January 2026.",
            result.Explanation);
    }

    [Fact]
    public void Earlier_mediation_certificate_loses()
    {
        // Certificate + 1 month = Sun 15 Feb 2026, before letter + 2 months = Thu 5 Mar 2026.
        var result = Calculate("2026-01-05", "2026-01-15");

        Assert.Equal(Parse("2026-03-05"), result.Deadline);
        Assert.Equal(
            "You have until Thursday 5 March 2026 to appeal to the SEND Tribunal. That is 2 months from your decision " +
            "letter dated 5 January 2026, which is later than 1 month from your mediation certificate dated 15 January 2026.",
            result.Explanation);
    }

    [Fact]
    public void Mediation_certificate_giving_the_same_day_says_so()
    {
        var result = Calculate("2026-01-05", "2026-02-05");

        Assert.Equal(Parse("2026-03-05"), result.Deadline);
        Assert.Contains("which is the same day as 1 month from your mediation certificate dated 5 February 2026", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Mediation_certificate_month_is_clamped_then_moved_off_the_weekend()
    {
        // 31 Jan 2026 + 1 month = Sat 28 Feb 2026 -> Mon 2 Mar; letter 1 Dec 2025 + 2 months = Sun 1 Feb 2026.
        Assert.Equal(Parse("2026-03-02"), Calculate("2025-12-01", "2026-01-31").Deadline);
    }

    [Theory]
    [InlineData("2026-02-06", null, "2026-04-07")] // Easter Monday
    [InlineData("2026-02-03", null, "2026-04-07")] // Good Friday
    [InlineData("2026-03-25", null, "2026-05-26")] // spring bank holiday
    [InlineData("2026-01-05", "2026-03-06", "2026-04-07")] // certificate lands on Easter Monday
    public void Deadline_on_a_bank_holiday_moves_to_the_next_working_day(string letter, string? certificate, string expected)
    {
        Assert.Equal(Parse(expected), Calculate(letter, certificate).Deadline);
    }

    [Fact]
    public void Bank_holiday_move_names_the_holiday_and_the_original_date()
    {
        var result = Calculate("2026-02-06");

        Assert.Equal(
            "You have until Tuesday 7 April 2026 to appeal to the SEND Tribunal. That is 2 months from your decision " +
            "letter dated 6 February 2026; the deadline fell on Monday 6 April 2026, which is a bank holiday " +
            "(Easter Monday), so it moves to the next working day.",
            result.Explanation);
    }

    [Fact]
    public void Deadline_beyond_the_bank_holiday_data_throws()
    {
        // 1 Jan 2031 would move to a day in 2031, whose bank holidays are unknown.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calculate("2030-11-01"));
        Assert.Contains("2023 to 2030", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => AppealDeadline.Calculate(Parse("2026-01-05"), null, null!));
    }
}
