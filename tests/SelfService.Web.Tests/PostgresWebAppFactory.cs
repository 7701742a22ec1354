using Microsoft.AspNetCore.Hosting;
using SelfService.Testing;

namespace SelfService.Web.Tests;

/// <summary>The real host on a PostgreSQL database of its own, created for the fixture and dropped afterwards.</summary>
public sealed class PostgresWebAppFactory : WebAppFactory, IAsyncLifetime
{
    private PostgresScratchDatabase? _database;

    /// <summary>The scratch database's connection string, for tests that act on the database behind the app's back.</summary>
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

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
