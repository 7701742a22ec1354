namespace SelfService.Web.Chat;

/// <summary>
/// Wakes the chat delivery worker in this process when a family may now be reachable (they
/// opened a conversation), instead of at its next poll.
/// </summary>
public sealed class ChatDeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers everything meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
