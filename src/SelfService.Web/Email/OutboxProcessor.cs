using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Storage;

namespace SelfService.Web.Email;

/// <summary>
/// Sends due <c>email.*</c> outbox messages. Each batch is first claimed in the database (so two
/// workers, in one process or many, never both send a row), then sent, and each row is marked sent
/// only after the mail system accepted it (so a crash or an SMTP outage never loses one). A failed
/// send is retried with doubling delays, without limit; once a retried message goes through, every
/// backed-off message is made due at once, so an outage is caught up as soon as one retry finds the relay back.
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxProcessor> logger)
{
    /// <summary>Identifies this processor's claims; unique per instance so a claim names its owner.</summary>
    public string WorkerName { get; init; } =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims and sends one batch; returns how many messages it attempted.</summary>
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
                db, OutboxEmail.KindPrefix, claimToken, now, now + settings.ClaimDuration, settings.BatchSize, cancellationToken);
        }

        foreach (var message in claimed)
        {
            await SendOneAsync(message, claimToken, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>The delay before retry number <paramref name="failures"/> (1 for the first failure).</summary>
    public static TimeSpan RetryDelay(int failures, OutboxWorkerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min((double)settings.FirstRetryDelay.Ticks * Math.Pow(2, exponent), settings.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private async Task SendOneAsync(OutboxMessage message, string claimToken, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var email = new OutgoingEmail(
                message.Id,
                message.Recipient ?? throw new InvalidOperationException("The message has no recipient."),
                message.Subject ?? throw new InvalidOperationException("The message has no subject."),
                OutboxEmail.TextBody(message));
            await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        // Marking must not be cancelled half-way once the message has gone: a shutdown during the
        // update would leave a sent message looking unsent.
        if (failure is null)
        {
            if (!await OutboxClaims.MarkSentAsync(db, message.Id, claimToken, now))
            {
                LogClaimLost(logger, message.Id);
            }

            // A message that failed before has gone through: the relay is back, so the others need
            // not wait out their back-off. (A message that can never be sent never triggers this.)
            if (message.Attempts > 0)
            {
                var due = await OutboxClaims.RetryFailedNowAsync(db, OutboxEmail.KindPrefix, now, CancellationToken.None);
                if (due > 0)
                {
                    LogRelayBack(logger, due);
                }
            }

            return;
        }

        var failures = message.Attempts + 1;
        var retryAt = now + RetryDelay(failures, options.Value.Worker);
        await OutboxClaims.MarkFailedAsync(db, message.Id, claimToken, $"{failure.GetType().Name}: {failure.Message}", retryAt);
        LogSendFailed(logger, failure, message.Id, message.Kind, failures, retryAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} ({Kind}) failed on attempt {Attempt}; retrying at {RetryAtUtc:o}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, string kind, int attempt, DateTime retryAtUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mail relay accepts messages again; {Count} waiting email(s) retried now")]
    private static partial void LogRelayBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {MessageId} was sent after this worker's claim lapsed; it may be sent again")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);
}
