using System.Collections.Concurrent;

namespace SelfService.BotFramework.Tests.Connector;

/// <summary>Real time, but remembers each wait asked of it, so back-off can be checked exactly.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyCollection<TimeSpan> Waits => _waits;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
