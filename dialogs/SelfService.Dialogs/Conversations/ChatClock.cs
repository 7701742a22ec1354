namespace SelfService.Dialogs.Conversations;

/// <summary>Today in England, as the portal counts it: legal dates are UK local dates.</summary>
public sealed class ChatClock(TimeProvider time)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
}
