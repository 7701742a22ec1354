namespace SelfService.Web.Hosting;

/// <summary>
/// Today's date in England. Legal dates are UK local dates, so "today" must come from
/// Europe/London, not from UTC (a request at 00:30 BST is that day's request).
/// </summary>
public sealed class UkClock(TimeProvider time)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
}
