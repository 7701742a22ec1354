namespace SelfService.Web.Email;

/// <summary>
/// Wakes the outbox worker in this process as soon as something urgent (a sign-in code) is
/// stored, instead of at its next poll. Other instances still find the message by polling.
/// </summary>
public sealed class OutboxSignal : IDisposable
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
            // Already signalled; one wake-up covers every message stored meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
