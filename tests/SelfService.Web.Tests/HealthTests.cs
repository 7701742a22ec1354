using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SelfService.Web.Tests;

public sealed class HealthTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Live_answers_without_touching_the_database()
    {
        var (status, json) = await GetAsync(factory.CreateClient(), "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task Ready_reports_the_migrated_sqlite_case_store()
    {
        var (status, json) = await GetAsync(factory.CreateClient(), "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        var check = json.GetProperty("checks").EnumerateArray().Single();
        Assert.Equal("caseStore", check.GetProperty("name").GetString());
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "selfservice.db")), "the SQLite file lives in the data directory");
    }

    [Fact]
    public async Task Ready_is_unavailable_until_the_schema_is_migrated()
    {
        // A database that exists and answers, but has none of our schema yet.
        Directory.CreateDirectory(factory.DataDirectory);
        var empty = Path.Combine(factory.DataDirectory, "empty.db");
        await using (var connection = new SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = new SqliteCommand("PRAGMA journal_mode=WAL; CREATE TABLE unrelated (id INTEGER);", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var unmigrated = factory.WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("ConnectionStrings:CaseStore", $"Data Source={empty}"));
        var client = unmigrated.CreateClient();

        var (ready, json) = await GetAsync(client, "/health/ready");
        var (live, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.True(json.GetProperty("checks")[0].GetProperty("description").GetString()!.Contains("migration", StringComparison.Ordinal), json.ToString());
        Assert.Equal(HttpStatusCode.OK, live);
    }

    [Fact]
    public async Task Ready_is_unavailable_when_postgres_cannot_be_reached_and_says_nothing_of_the_connection()
    {
        await using var unreachable = factory.WithWebHostBuilder(b => b
            .UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("Database:Provider", "Postgres")
            .UseSetting("ConnectionStrings:CaseStore", "Host=127.0.0.1;Port=1;Username=secretuser;Password=secretpw;Database=nowhere;Timeout=2"));

        var (status, json) = await GetAsync(unreachable.CreateClient(), "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.DoesNotContain("secret", json.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}

public sealed class PostgresHostTests(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    [Fact]
    public async Task The_app_migrates_postgres_at_startup_and_reports_ready()
    {
        var (status, json) = await HealthTests.GetAsync(factory.CreateClient(), "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "selfservice.db")), "no SQLite file when PostgreSQL is configured");
    }
}
