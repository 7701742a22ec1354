using Microsoft.Extensions.Options;
using SelfService.Web.Email;

namespace SelfService.Web.Chat;

/// <summary>Posts case updates from the outbox into families' chats in the background.</summary>
public sealed class ChatDeliveryWorker(
    ChatDeliveryProcessor processor, ChatDeliverySignal signal, IOptions<ChatDeliveryOptions> options, ILogger<ChatDeliveryWorker> logger)
    : OutboxPollingWorker(signal, options.Value.Worker, logger)
{
    protected override Task<int> ProcessDueAsync(CancellationToken cancellationToken) => processor.ProcessDueAsync(cancellationToken);
}
