using Microsoft.AspNetCore.Hosting;
using SelfService.Testing;
using SelfService.Web.Tests.Cases;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>The seeded host (the demo cast, a movable clock) on a PostgreSQL database of its own.</summary>
public sealed class PostgresSeededWebAppFactory : SeededWebAppFactory, IAsyncLifetime
{
    private PostgresScratchDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresScratchDatabase.CreateAsync("selfservice_hostile");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:CaseStore", _database?.ConnectionString);
    }
}
