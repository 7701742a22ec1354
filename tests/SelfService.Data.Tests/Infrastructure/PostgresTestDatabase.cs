using SelfService.Testing;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>A PostgreSQL database of its own for each test class, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public override CaseStoreProvider Provider => CaseStoreProvider.Postgres;

    public override async Task<ScratchDatabase> CreateScratchAsync()
    {
        var database = await PostgresScratchDatabase.CreateAsync("selfservice_test");
        return new ScratchDatabase(new CaseStoreOptions(CaseStoreProvider.Postgres, database.ConnectionString), () => database.DisposeAsync().AsTask());
    }
}
