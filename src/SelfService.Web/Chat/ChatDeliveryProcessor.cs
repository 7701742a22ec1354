using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.DirectLine;
using SelfService.BotFramework.Integration;
using SelfService.BotFramework.Schema;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Storage;
using SelfService.Web.Email;

namespace SelfService.Web.Chat;

/// <summary>
/// Posts due <c>chat.*</c> outbox messages (case updates) into the family's chat: recipient
/// email, then their portal account, then the conversation they last used (its stored
/// conversation reference), then a proactive turn through the adapter. A message is marked
/// sent only once it is in a conversation; someone who has no conversation yet keeps it waiting
/// until they start one (see ADR 0014). Rows are claimed like emails, so it goes once.
/// </summary>
public sealed partial class ChatDeliveryProcessor(
    IServiceScopeFactory scopes,
    BotAdapter adapter,
    IConversationReferenceStore references,
    IOptions<ChatDeliveryOptions> options,
    IOptions<BotFrameworkOptions> bot,
    TimeProvider time,
    ILogger<ChatDeliveryProcessor> logger)
{
    public const string WaitingForAccount = "Waiting: the recipient has no portal account yet.";

    public const string WaitingForConversation = "Waiting: the recipient has not started a chat yet.";

    /// <summary>Identifies this processor's claims; unique per instance so a claim names its owner.</summary>
    public string WorkerName { get; init; } =
        $"{Environment.MachineName}/{Environment.ProcessId}/chat/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims and delivers one batch; returns how many messages it looked at.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Worker;
        var claimToken = $"{WorkerName}/{Guid.NewGuid():N}";
        List<OutboxMessage> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            claimed = await OutboxClaims.ClaimDueAsync(
                db, OutboxChat.KindPrefix, claimToken, now, now + settings.ClaimDuration, settings.BatchSize, cancellationToken);
        }

        foreach (var message in claimed)
        {
            await DeliverOneAsync(message, claimToken, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task DeliverOneAsync(OutboxMessage message, string claimToken, CancellationToken cancellationToken)
    {
        Outcome outcome;
        try
        {
            outcome = await TryDeliverAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome.Failed(ex);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case { Delivered: true }:
                if (!await OutboxClaims.MarkSentAsync(db, message.Id, claimToken, now))
                {
                    LogClaimLost(logger, message.Id);
                }

                break;
            case { Failure: { } failure }:
                var failures = message.Attempts + 1;
                var retryAt = now + OutboxProcessor.RetryDelay(failures, options.Value.Worker);
                await OutboxClaims.MarkFailedAsync(db, message.Id, claimToken, $"{failure.GetType().Name}: {failure.Message}", retryAt);
                LogDeliveryFailed(logger, failure, message.Id, message.Kind, failures, retryAt);
                break;
            default:
                await OutboxClaims.PostponeAsync(db, message.Id, claimToken, outcome.Waiting!, now + options.Value.WaitingRecheckInterval);
                break;
        }
    }

    private async Task<Outcome> TryDeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var update = OutboxChat.Read(message);
        var recipient = message.Recipient ?? throw new InvalidOperationException("The message has no recipient.");
        Guid accountId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            accountId = await db.Set<UserAccount>().AsNoTracking()
                .Where(a => a.Email == recipient)
                .Select(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (accountId == Guid.Empty)
        {
            return Outcome.Wait(WaitingForAccount);
        }

        var userId = ChatUsers.ForAccount(accountId);
        var delivered = false;
        foreach (var reference in await references.ListByUserAsync(userId, cancellationToken))
        {
            if (await PostAsync(reference, update, cancellationToken))
            {
                delivered = true;
            }
            else
            {
                // The conversation has been purged (retention): forget it, so the next one they start is used.
                await references.DeleteAsync(userId, reference.ChannelId ?? string.Empty, cancellationToken);
            }
        }

        return delivered ? Outcome.Done : Outcome.Wait(WaitingForConversation);
    }

    /// <summary>True when posted; false when the conversation no longer exists. Anything else throws.</summary>
    private async Task<bool> PostAsync(ConversationReference reference, ChatUpdate update, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        // The adapter's turn-error handler would swallow a failed send (and tell the user "sorry"),
        // so the callback keeps the failure itself.
        await adapter.ContinueConversationAsync(
            bot.Value.MicrosoftAppId ?? string.Empty,
            reference,
            async (turn, ct) =>
            {
                try
                {
                    await turn.SendActivityAsync(CaseUpdateMessage.Create(update, reference), ct);
                }
#pragma warning disable CA1031 // Rethrown below, outside the adapter's error handling.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
            },
            cancellationToken);

        return failure switch
        {
            null => true,
            DirectLineConversationNotFoundException => false,
            _ => throw new InvalidOperationException($"Posting into conversation {reference.Conversation?.Id} failed: {failure.Message}", failure),
        };
    }

    private sealed record Outcome(bool Delivered, Exception? Failure, string? Waiting)
    {
        public static readonly Outcome Done = new(true, null, null);

        public static Outcome Failed(Exception failure) => new(false, failure, null);

        public static Outcome Wait(string why) => new(false, null, why);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat update {MessageId} ({Kind}) failed on attempt {Attempt}; retrying at {RetryAtUtc:o}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid messageId, string kind, int attempt, DateTime retryAtUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat update {MessageId} was posted after this worker's claim lapsed; it may be posted again")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);
}
