using SelfService.Web.Hosting;

namespace SelfService.Web.Tests;

public sealed class UkClockTests
{
    [Theory]
    [InlineData("2026-01-05T23:30:00Z", "2026-01-05")] // GMT: UTC is the London time
    [InlineData("2026-07-06T23:30:00Z", "2026-07-07")] // BST: 00:30 the next day in London
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29")] // the minute before the clocks go forward
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")] // still GMT late on Saturday 28 March
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")] // still BST until 01:00 UTC on 25 October
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")] // GMT again that evening
    public void Today_is_the_date_in_London(string utcNow, string expected)
    {
        var clock = new UkClock(new FixedTime(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.Today());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
