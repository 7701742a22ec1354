namespace SelfService.Web.Tests.Support;

/// <summary>A clock the test moves by hand (code expiry, idle timeout); starts at the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
