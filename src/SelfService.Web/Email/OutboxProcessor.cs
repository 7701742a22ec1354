using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Storage;

namespace SelfService.Web.Email;

/// <summary>
/// Sends due <c>email.*</c> outbox messages. Each batch is first claimed in the database (so two
/// workers, in one process or many, never both send a row), then sent, and each row is marked sent
/// only after the mail system accepted it (so a crash or an SMTP outage never loses one). A failed
/// send is retried with doubling delays, without limit.
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxProcessor> logger)
{
    private const string EmailKindPattern = OutboxEmail.KindPrefix + "%";

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
            await ClaimAsync(db, claimToken, now, now + settings.ClaimDuration, settings.BatchSize, cancellationToken);
            claimed = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.LockedBy == claimToken && m.SentAtUtc == null)
                .OrderBy(m => m.NextAttemptAtUtc)
                .ToListAsync(cancellationToken);
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

    private static async Task ClaimAsync(CaseStoreDbContext db, string token, DateTime now, DateTime until, int batchSize, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // SKIP LOCKED: concurrent workers take different rows instead of queueing on the same ones.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE "OutboxMessages" SET "LockedBy" = {token}, "LockedUntilUtc" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "SentAtUtc" IS NULL AND "Kind" LIKE {EmailKindPattern} AND "NextAttemptAtUtc" <= {now}
                      AND ("LockedUntilUtc" IS NULL OR "LockedUntilUtc" < {now})
                    ORDER BY "NextAttemptAtUtc"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                """,
                cancellationToken);
            return;
        }

        // SQLite runs one writer at a time, so this single conditional UPDATE is the claim: a row
        // another worker claimed first no longer matches by the time this statement runs.
        var due = db.Set<OutboxMessage>()
            .Where(m => m.SentAtUtc == null && m.Kind.StartsWith(OutboxEmail.KindPrefix) && m.NextAttemptAtUtc <= now
                && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc)
            .Take(batchSize)
            .Select(m => m.Id);
        await db.Set<OutboxMessage>()
            .Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntilUtc, until), cancellationToken);
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
        var mine = db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.LockedBy == claimToken && m.SentAtUtc == null);

        // Marking must not be cancelled half-way once the message has gone: a shutdown during the
        // update would leave a sent message looking unsent.
        if (failure is null)
        {
            var marked = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAtUtc, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
            if (marked == 0)
            {
                LogClaimLost(logger, message.Id);
            }

            return;
        }

        var failures = message.Attempts + 1;
        var retryAt = now + RetryDelay(failures, options.Value.Worker);
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > OutboxMessage.MaxErrorLength)
        {
            error = error[..OutboxMessage.MaxErrorLength];
        }

        await mine.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.NextAttemptAtUtc, retryAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null),
            CancellationToken.None);
        LogSendFailed(logger, failure, message.Id, message.Kind, failures, retryAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} ({Kind}) failed on attempt {Attempt}; retrying at {RetryAtUtc:o}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, string kind, int attempt, DateTime retryAtUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {MessageId} was sent after this worker's claim lapsed; it may be sent again")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);
}
