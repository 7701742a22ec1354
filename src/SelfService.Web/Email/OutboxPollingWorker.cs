namespace SelfService.Web.Email;

/// <summary>
/// Runs one kind of outbox processing in the background: at every poll, at once when signalled,
/// and straight on while full batches suggest more is waiting. It outlives a database outage.
/// </summary>
public abstract partial class OutboxPollingWorker(WakeSignal signal, OutboxWorkerOptions settings, ILogger logger) : BackgroundService
{
    /// <summary>Processes one batch; returns how many messages it attempted.</summary>
    protected abstract Task<int> ProcessDueAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                processed = await ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive a database outage; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, GetType().Name, ex);
            }

            if (processed < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
                {
                    // Stopping: cancelled, or the host has already disposed the signal.
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} could not read the outbox; it will try again")]
    private static partial void LogPollFailed(ILogger logger, string worker, Exception exception);
}
