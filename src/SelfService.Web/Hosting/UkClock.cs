namespace SelfService.Web.Hosting;

/// <summary>
/// Today's date in England. Legal dates are UK local dates, so "today" must come from
/// Europe/London, not from UTC (a request at 00:30 BST is that day's request).
/// </summary>
public sealed class UkClock(TimeProvider time)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);

    /// <summary>A UTC instant as a clock in England shows it.</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
}
