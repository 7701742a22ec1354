using Npgsql;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>
/// A uniquely named database on the server named by <see cref="ConnectionVariable"/>, dropped
/// afterwards. Without the variable the tests fail rather than skip: a green run must mean both
/// providers were tested.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ConnectionVariable = "SELFSERVICE_TEST_POSTGRES";

    public override CaseStoreProvider Provider => CaseStoreProvider.Postgres;

    public override async Task<ScratchDatabase> CreateScratchAsync()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL tests cannot run. Start a test server with " +
                $"`export {ConnectionVariable}=\"$(bash scripts/postgres.sh start)\"` from the repository root, then run the tests again.");
        }

        var name = $"selfservice_test_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new ScratchDatabase(new CaseStoreOptions(CaseStoreProvider.Postgres, connectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
