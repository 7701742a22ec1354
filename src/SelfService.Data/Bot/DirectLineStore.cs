using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SelfService.BotFramework.DirectLine;

namespace SelfService.Data.Bot;

/// <summary>
/// The Direct Line transcript in the case store. Sequence numbers come from the conversation
/// row, incremented and read in one statement inside the transaction that inserts the activity:
/// PostgreSQL's row lock and SQLite's single writer both make concurrent appends queue on it, so
/// numbers are unique and without gaps.
/// </summary>
public sealed class DirectLineStore(CaseStoreDbContext db) : IDirectLineStore
{
    // SQLite has one writer per file; queueing writers of this process here is cheaper than
    // letting them spin in SQLite's busy handler, which sleeps in growing steps.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var row = await db.Set<DirectLineConversationRecord>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        return row is null ? null : ToConversation(row);
    }

    public async Task<(DirectLineConversation Conversation, bool Created)> StartConversationAsync(
        string conversationId, string userId, string? userName, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await FindConversationAsync(conversationId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var row = new DirectLineConversationRecord
        {
            Id = conversationId,
            UserId = userId,
            UserName = userName,
            CreatedAtUtc = nowUtc,
            LastActivityAtUtc = nowUtc,
        };
        db.Add(row);
        try
        {
            using (await WriterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return (ToConversation(row), true);
        }
        catch (DbUpdateException)
        {
            // Another request started the same conversation first.
            db.Entry(row).State = EntityState.Detached;
            var winner = await FindConversationAsync(conversationId, cancellationToken);
            return winner is null ? throw new DirectLineConversationNotFoundException(conversationId) : (winner, false);
        }
    }

    public async Task<StoredActivity> AppendActivityAsync(
        string conversationId, DateTime timestampUtc, Func<long, string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        using (await WriterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // First statement of the transaction, so on SQLite it takes the write lock before reading anything.
            var sequences = await db.Database.SqlQuery<long>(
                $"""
                UPDATE "DirectLineConversations" SET "LastSequence" = "LastSequence" + 1, "LastActivityAtUtc" = {timestampUtc}
                WHERE "Id" = {conversationId} RETURNING "LastSequence" AS "Value"
                """).ToListAsync(cancellationToken);
            if (sequences.Count == 0)
            {
                throw new DirectLineConversationNotFoundException(conversationId);
            }

            var sequence = sequences[0];
            var row = new DirectLineActivityRecord
            {
                ConversationId = conversationId,
                Sequence = sequence,
                TimestampUtc = timestampUtc,
                Json = render(sequence),
            };
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.Entry(row).State = EntityState.Detached;
            return new StoredActivity(conversationId, sequence, timestampUtc, row.Json);
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadActivitiesAsync(
        string conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        await db.Set<DirectLineActivityRecord>().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .Select(a => new StoredActivity(a.ConversationId, a.Sequence, a.TimestampUtc, a.Json))
            .ToListAsync(cancellationToken);

    public async Task SaveAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var row = new DirectLineAttachmentRecord
        {
            Id = attachment.Id,
            ConversationId = attachment.ConversationId,
            Name = attachment.Name,
            ContentType = attachment.ContentType,
            Length = attachment.Content.LongLength,
            Content = attachment.Content,
            CreatedAtUtc = attachment.CreatedAtUtc,
        };
        db.Add(row);
        using (await WriterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.Entry(row).State = EntityState.Detached;
    }

    public async Task<StoredAttachment?> FindAttachmentAsync(string conversationId, string attachmentId, CancellationToken cancellationToken) =>
        await db.Set<DirectLineAttachmentRecord>().AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ConversationId == conversationId)
            .Select(a => new StoredAttachment(a.Id, a.ConversationId, a.Name, a.ContentType, a.Content, a.CreatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<int> PurgeAsync(DateTime lastActivityBeforeUtc, CancellationToken cancellationToken)
    {
        // The foreign keys cascade to activities and files in the database itself.
        using (await WriterAsync(cancellationToken))
        {
            return await db.Set<DirectLineConversationRecord>()
                .Where(c => c.LastActivityAtUtc < lastActivityBeforeUtc)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static DirectLineConversation ToConversation(DirectLineConversationRecord row) =>
        new(row.Id, row.UserId, row.UserName, row.CreatedAtUtc, row.LastActivityAtUtc, row.LastSequence);

    private async Task<IDisposable> WriterAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return NoGate.Instance;
        }

        var gate = SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Gate(gate);
    }

    private sealed class Gate(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
