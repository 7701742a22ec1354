using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.DemoData;

/// <summary>
/// Writes generated demo data into an empty case store, one authority at a time, past the change
/// tracker (see <see cref="DemoBulkWriter"/>), so memory stays flat even for England.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>A 512 MB SQLite page cache while seeding: room for the indexes of a national data set.</summary>
    private const string SqliteSeedingCache = "PRAGMA cache_size = -524288";

    /// <summary>True when the store holds no people, schools, cases or plans.</summary>
    public static async Task<bool> IsEmptyAsync(CaseStoreDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Schools.AnyAsync(cancellationToken)
            && !await db.StaffMembers.AnyAsync(cancellationToken)
            && !await db.ElectedMembers.AnyAsync(cancellationToken)
            && !await db.Children.AnyAsync(cancellationToken)
            && !await db.ParentCarers.AnyAsync(cancellationToken)
            && !await db.AssessmentCases.AnyAsync(cancellationToken)
            && !await db.EhcPlans.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Generates and stores demo data for <paramref name="today"/>. Refuses a store that already
    /// holds data: demo records mixed with real ones could never be told apart again.
    /// </summary>
    public static async Task<DemoDataSummary> SeedAsync(
        CaseStoreDbContext db, DemoScale scale, DateOnly today, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!DemoBulkWriter.Supports(db))
        {
            throw new NotSupportedException("Demo data can be seeded into SQLite or PostgreSQL only.");
        }

        if (!await IsEmptyAsync(db, cancellationToken))
        {
            throw new InvalidOperationException(
                "The case store already holds data, so demo data was not added. Seed only a new, empty database.");
        }

        var generator = new DemoDataGenerator(scale, today, seed);
        var writer = new DemoBulkWriter(db);
        var total = DemoDataSummary.Empty;

        // One connection throughout, so the SQLite cache setting below holds for the whole run.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // Random GUID keys scatter inserts across every index; with SQLite's default 2 MB
                // page cache England's tables spill to disk and the inserts slow to a crawl.
                await db.Database.ExecuteSqlRawAsync(SqliteSeedingCache, cancellationToken);
            }

            foreach (var chunk in generator.Generate())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await StoreAsync(db, writer, chunk, cancellationToken);
                total = total.Add(chunk.Summarise());
            }
        }
        finally
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        return total;
    }

    /// <summary>One authority in one transaction: a failure leaves no half-seeded authority behind.</summary>
    private static async Task StoreAsync(CaseStoreDbContext db, DemoBulkWriter writer, DemoDataChunk chunk, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await WriteAsync(writer, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Referenced rows before the rows that refer to them, so every foreign key holds as each row lands.</summary>
    private static async Task WriteAsync(DemoBulkWriter writer, DemoDataChunk chunk, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(chunk.Schools, cancellationToken);
        await writer.WriteAsync(chunk.StaffMembers, cancellationToken);
        await writer.WriteAsync(chunk.ElectedMembers, cancellationToken);
        await writer.WriteAsync(chunk.MemberDelegates, cancellationToken);
        await writer.WriteAsync(chunk.SchoolContacts, cancellationToken);
        await writer.WriteAsync(chunk.Children, cancellationToken);
        await writer.WriteAsync(chunk.ParentCarers, cancellationToken);
        await writer.WriteAsync(chunk.ChildParents, cancellationToken);
        await writer.WriteAsync(chunk.AssessmentCases, cancellationToken);
        await writer.WriteAsync(chunk.AssessmentCases.SelectMany(c => c.Events), cancellationToken);
        await writer.WriteAsync(chunk.EhcPlans, cancellationToken);
        await writer.WriteAsync(chunk.EhcPlans.SelectMany(p => p.Reviews), cancellationToken);
    }
}
