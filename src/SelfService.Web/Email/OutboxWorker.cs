using Microsoft.Extensions.Options;

namespace SelfService.Web.Email;

/// <summary>Sends emails from the outbox in the background.</summary>
public sealed class OutboxWorker(OutboxProcessor processor, OutboxSignal signal, IOptions<EmailOptions> options, ILogger<OutboxWorker> logger)
    : OutboxPollingWorker(signal, options.Value.Worker, logger)
{
    protected override Task<int> ProcessDueAsync(CancellationToken cancellationToken) => processor.ProcessDueAsync(cancellationToken);
}
