using Npgsql;

namespace SelfService.Testing;

/// <summary>
/// A uniquely named database on the PostgreSQL server named by <see cref="ServerVariable"/>
/// (scripts/test.sh starts one on loopback), dropped when disposed. Shared by the test projects
/// and the benchmarks as a linked source file.
/// </summary>
internal sealed class PostgresScratchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "SELFSERVICE_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private PostgresScratchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>
    /// Creates the database. Without a server the caller fails rather than skips, so a green run
    /// means PostgreSQL really was tested.
    /// </summary>
    public static async Task<PostgresScratchDatabase> CreateAsync(string prefix)
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set, so the PostgreSQL tests cannot run. Run `bash scripts/test.sh` from the repository root, " +
            $"or `export {ServerVariable}=\"$(bash scripts/postgres.sh start)\"` first.");
        var database = new PostgresScratchDatabase(server, $"{prefix}_{Guid.NewGuid():N}");
        await database.AdminAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
