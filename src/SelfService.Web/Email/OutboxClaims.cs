using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Storage;

namespace SelfService.Web.Email;

/// <summary>
/// How an outbox worker takes rows of one kind (<c>email.</c>, <c>chat.</c>) and settles them, so
/// every worker claims the same way: a claim is one statement, two workers (in one process or
/// many) never hold the same row, and a row is settled only by the worker whose claim it carries.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Claims up to <paramref name="batchSize"/> due rows whose kind starts with <paramref name="kindPrefix"/>, and returns them.</summary>
    public static async Task<List<OutboxMessage>> ClaimDueAsync(
        CaseStoreDbContext db, string kindPrefix, string token, DateTime now, DateTime until, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(kindPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (db.Database.IsNpgsql())
        {
            var pattern = kindPrefix + "%";
            // SKIP LOCKED: concurrent workers take different rows instead of queueing on the same ones.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE "OutboxMessages" SET "LockedBy" = {token}, "LockedUntilUtc" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "SentAtUtc" IS NULL AND "Kind" LIKE {pattern} AND "NextAttemptAtUtc" <= {now}
                      AND ("LockedUntilUtc" IS NULL OR "LockedUntilUtc" < {now})
                    ORDER BY "NextAttemptAtUtc"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                """,
                cancellationToken);
        }
        else
        {
            // SQLite runs one writer at a time, so this single conditional UPDATE is the claim: a row
            // another worker claimed first no longer matches by the time this statement runs.
            var due = db.Set<OutboxMessage>()
                .Where(m => m.SentAtUtc == null && m.Kind.StartsWith(kindPrefix) && m.NextAttemptAtUtc <= now
                    && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc)
                .Take(batchSize)
                .Select(m => m.Id);
            await db.Set<OutboxMessage>()
                .Where(m => due.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntilUtc, until), cancellationToken);
        }

        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.LockedBy == token && m.SentAtUtc == null)
            .OrderBy(m => m.NextAttemptAtUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Marks the row sent if this claim still holds it; false if the claim had lapsed (another
    /// worker may send it again). Not cancellable: once the message has gone, the mark must land.
    /// </summary>
    public static async Task<bool> MarkSentAsync(CaseStoreDbContext db, Guid id, string token, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var marked = await Claimed(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
        return marked > 0;
    }

    /// <summary>Records a failed attempt and releases the row until <paramref name="retryAt"/>.</summary>
    public static Task MarkFailedAsync(CaseStoreDbContext db, Guid id, string token, string error, DateTime retryAt)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(error);
        var trimmed = error.Length > OutboxMessage.MaxErrorLength ? error[..OutboxMessage.MaxErrorLength] : error;
        return Claimed(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.NextAttemptAtUtc, retryAt)
                .SetProperty(m => m.LastError, trimmed)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null),
            CancellationToken.None);
    }

    /// <summary>
    /// Makes every unclaimed, backed-off message of this kind due now: the relay that failed them
    /// has just accepted one, so waiting out the rest of each back-off would only delay them.
    /// </summary>
    public static Task<int> RetryFailedNowAsync(CaseStoreDbContext db, string kindPrefix, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>()
            .Where(m => m.SentAtUtc == null && m.Kind.StartsWith(kindPrefix) && m.LastError != null && m.NextAttemptAtUtc > now
                && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken);
    }

    /// <summary>
    /// Releases the row until <paramref name="nextLook"/> without counting an attempt: nothing
    /// failed, the message is waiting for something outside the worker's control.
    /// </summary>
    public static Task PostponeAsync(CaseStoreDbContext db, Guid id, string token, string reason, DateTime nextLook)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reason);
        return Claimed(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAtUtc, nextLook)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null),
            CancellationToken.None);
    }

    private static IQueryable<OutboxMessage> Claimed(CaseStoreDbContext db, Guid id, string token) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedBy == token && m.SentAtUtc == null);
}
