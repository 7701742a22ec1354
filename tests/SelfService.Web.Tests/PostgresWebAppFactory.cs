using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace SelfService.Web.Tests;

/// <summary>
/// The real host on a PostgreSQL database of its own, created on the server named by
/// SELFSERVICE_TEST_POSTGRES (the test script starts one) and dropped afterwards. Without the
/// variable these tests fail rather than skip, so a green run means PostgreSQL was exercised.
/// </summary>
public sealed class PostgresWebAppFactory : WebAppFactory, IAsyncLifetime
{
    private const string ConnectionVariable = "SELFSERVICE_TEST_POSTGRES";

    private readonly string _databaseName = $"selfservice_web_{Guid.NewGuid():N}";

    private string? _server;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL tests cannot run. Run `bash scripts/test.sh`, " +
                $"or `export {ConnectionVariable}=\"$(bash scripts/postgres.sh start)\"` first.");
        }

        await AdminAsync($"CREATE DATABASE \"{_databaseName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _databaseName }.ConnectionString;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:CaseStore", ConnectionString);
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
