using Microsoft.Extensions.Logging.Abstractions;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>
/// A class fixture: one migrated database per test class, and scratch databases on demand, on
/// one provider. Each provider's subclass decides how databases are made and removed.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ScratchDatabase? _database;

    public abstract CaseStoreProvider Provider { get; }

    public CaseStoreOptions Options => Database.Options;

    private ScratchDatabase Database => _database ?? throw new InvalidOperationException("The test database is not initialised.");

    public abstract Task<ScratchDatabase> CreateScratchAsync();

    public CaseStoreDbContext NewContext() => Database.NewContext();

    public async Task InitializeAsync()
    {
        _database = await CreateScratchAsync();
        await using var db = NewContext();
        await new CaseStoreMigrator(db, NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
