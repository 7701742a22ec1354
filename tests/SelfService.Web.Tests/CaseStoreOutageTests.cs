using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests;

/// <summary>
/// The case store going away under a signed-in person: every page says the service is
/// unavailable (503, GOV.UK wording, no internals), the readiness probe says so too, and the
/// service recovers by itself when the database is back.
/// </summary>
public sealed class PostgresOutageTests(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    [Fact]
    public async Task While_postgres_refuses_connections_pages_say_the_service_is_unavailable_and_it_recovers_when_back()
    {
        using var client = await PortalSignIn.SignInAsync(factory, "outage.pg@example.com");
        using (var started = await Forms.PostAsync(client, "/requests/new"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        try
        {
            // The pooled connections were cut and new ones are refused: reads and writes both fail.
            await CaseStoreOutageAssert.UnavailableAsync(client, HttpMethod.Get, "/requests");
            await CaseStoreOutageAssert.UnavailableAsync(client, HttpMethod.Get, "/cases");
            // As a load balancer asks: no cookies.
            var (ready, _) = await HealthTests.GetAsync(factory.CreateClient(), "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        // Back without a restart, and still signed in (the error pages did not sign anyone out).
        using var after = await client.GetAsync(new Uri("/requests", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("outage.pg@example.com", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteOutageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task While_another_process_holds_the_sqlite_write_lock_past_the_busy_timeout_saving_says_the_service_is_unavailable()
    {
        using var client = await PortalSignIn.SignInAsync(factory, "outage.sqlite@example.com");

        // Another process (a backup tool, a stuck instance) holding the write lock is SQLite's outage.
        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "selfservice.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = new SqliteCommand("BEGIN EXCLUSIVE", holder))
            {
                await begin.ExecuteNonQueryAsync();
            }

            await CaseStoreOutageAssert.UnavailableAsync(client, HttpMethod.Post, "/requests/new");
        }

        using var started = await Forms.PostAsync(client, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }
}

internal static class CaseStoreOutageAssert
{
    public static async Task UnavailableAsync(HttpClient client, HttpMethod method, string url)
    {
        HttpResponseMessage response;
        if (method == HttpMethod.Get)
        {
            response = await client.GetAsync(new Uri(url, UriKind.Relative));
        }
        else
        {
            // The form is fetched while the database still answers reads (SQLite) and posted as it is.
            response = await Forms.PostAsync(client, url);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} for {method} {url}: {body[..Math.Min(body.Length, 3000)]}");
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            Assert.Equal("Sorry, the service is unavailable", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains("Try again in a few minutes", body, StringComparison.Ordinal);
            foreach (var internals in new[] { "Npgsql", "Sqlite", "Exception", "   at " })
            {
                Assert.DoesNotContain(internals, body, StringComparison.Ordinal);
            }

            Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        }
    }
}
