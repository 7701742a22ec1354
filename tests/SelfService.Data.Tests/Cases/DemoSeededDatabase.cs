using SelfService.Data.DemoData;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests.Cases;

/// <summary>A migrated database holding the Test-scale demo data (the named cast), seeded once per test class.</summary>
public sealed class DemoSeededDatabase<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    public static readonly DateOnly SeededOn = new(2026, 11, 20);

    private readonly TDatabase _database = new();

    public CaseStoreDbContext NewContext() => _database.NewContext();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.NewContext();
        await DemoDataSeeder.SeedAsync(db, DemoScale.Test, SeededOn, seed: 11);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
