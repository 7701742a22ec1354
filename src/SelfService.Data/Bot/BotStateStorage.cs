using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SelfService.BotFramework.State;

namespace SelfService.Data.Bot;

/// <summary>
/// The bot's <see cref="IStorage"/> in the case store (table BotStates), on SQLite and
/// PostgreSQL. Each write is one transaction; an item with an eTag is written by a single
/// <c>UPDATE … WHERE Key = @key AND ETag = @read</c>, which both databases apply atomically, so
/// of two turns that read the same version exactly one can write it and the other gets
/// <see cref="StorageConcurrencyException"/> with nothing stored. Documents are written whole,
/// never merged.
/// </summary>
public sealed class BotStateStorage(CaseStoreOptions options, TimeProvider? timeProvider = null) : IStorage
{
    private readonly DbContextOptions<CaseStoreDbContext> _contextOptions = CreateOptions(options);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = NewContext();
        var records = await db.Set<BotStateRecord>().AsNoTracking().Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken);
        return records.ToDictionary(r => r.Key, r => new StoreItem(JsonNode.Parse(r.Document)!.AsObject(), r.ETag), StringComparer.Ordinal);
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var written = new Dictionary<StoreItem, string>();
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (key, change) in changes)
            {
                written[change] = await WriteOneAsync(db, key, change, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (change, eTag) in written)
        {
            change.ETag = eTag;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = NewContext();
        await db.Set<BotStateRecord>().Where(r => keys.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<string> WriteOneAsync(CaseStoreDbContext db, string key, StoreItem change, CancellationToken cancellationToken)
    {
        var eTag = StoreItem.NewETag();
        var json = change.Document.ToJsonString();
        var now = _time.GetUtcNow().UtcDateTime;
        var rows = db.Set<BotStateRecord>().Where(r => r.Key == key);

        if (string.IsNullOrEmpty(change.ETag))
        {
            await InsertAsync(db, new BotStateRecord { Key = key, Document = json, ETag = eTag, UpdatedAtUtc = now }, cancellationToken);
            return eTag;
        }

        if (change.ETag != StoreItem.AnyETag)
        {
            var read = change.ETag;
            rows = rows.Where(r => r.ETag == read);
        }

        var updated = await rows.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Document, json).SetProperty(r => r.ETag, eTag).SetProperty(r => r.UpdatedAtUtc, now),
            cancellationToken);
        if (updated == 1)
        {
            return eTag;
        }

        if (change.ETag != StoreItem.AnyETag)
        {
            throw new StorageConcurrencyException(key, change.ETag);
        }

        await InsertAsync(db, new BotStateRecord { Key = key, Document = json, ETag = eTag, UpdatedAtUtc = now }, cancellationToken);
        return eTag;
    }

    private async Task InsertAsync(CaseStoreDbContext db, BotStateRecord record, CancellationToken cancellationToken)
    {
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The only way a well-formed insert of a new key fails is that another writer stored the
            // key first (a primary key violation); check on a fresh connection, as the transaction
            // here may be aborted.
            if (await ExistsAsync(record.Key, cancellationToken))
            {
                throw new StorageConcurrencyException(record.Key, null, e);
            }

            throw;
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        return await db.Set<BotStateRecord>().AnyAsync(r => r.Key == key, cancellationToken);
    }

    private CaseStoreDbContext NewContext() => new(_contextOptions);

    private static DbContextOptions<CaseStoreDbContext> CreateOptions(CaseStoreOptions options)
    {
        var builder = new DbContextOptionsBuilder<CaseStoreDbContext>();
        builder.UseCaseStore(options);
        return builder.Options;
    }
}
