using Microsoft.Extensions.Options;

namespace SelfService.Web.Chat;

/// <summary>Runs the <see cref="ChatDeliveryProcessor"/> in the background: at every poll, and at once when signalled.</summary>
public sealed partial class ChatDeliveryWorker(
    ChatDeliveryProcessor processor, ChatDeliverySignal signal, IOptions<ChatDeliveryOptions> options, ILogger<ChatDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Worker;
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                processed = await processor.ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive a database outage; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex);
            }

            // A full batch suggests more are waiting: go straight on.
            if (processed < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat delivery worker could not read the outbox; it will try again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
