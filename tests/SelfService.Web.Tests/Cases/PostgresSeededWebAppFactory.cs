using Microsoft.AspNetCore.Hosting;
using SelfService.Testing;

namespace SelfService.Web.Tests.Cases;

/// <summary>The seeded host of <see cref="SeededWebAppFactory"/> on a PostgreSQL database of its own, dropped afterwards.</summary>
public sealed class PostgresSeededWebAppFactory : SeededWebAppFactory, IAsyncLifetime
{
    private PostgresScratchDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresScratchDatabase.CreateAsync("selfservice_web");

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
