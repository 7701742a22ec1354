using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Testing;

namespace SelfService.Benchmarks.Dashboard;

/// <summary>
/// The performance dashboard over England's demo data on PostgreSQL: the real app on Kestrel
/// (loopback), the service manager signed in through the sign-in pages, then the page fetched
/// for each period kind, first once (cold: just after start-up) and then repeatedly (warm).
/// </summary>
internal static class DashboardBenchmark
{
    /// <summary>A connection string to a database already holding the national demo data, to skip the seeding (it takes minutes).</summary>
    public const string SeededDatabaseVariable = "SELFSERVICE_DASHBOARD_DATABASE";

    private const string Start = "<!-- dashboard:start -->";
    private const string End = "<!-- dashboard:end -->";
    private const int Requests = 15;
    private static readonly DateOnly SeedDate = new(2026, 11, 22);
    private const int Seed = 20261122;
    private static readonly string[] Periods = ["month", "quarter", "year"];

    public static async Task<int> RunAsync(string output)
    {
        var loadBefore = Report.LoadAverage();
        BenchmarkApp.UseContentRootFromRepository();
        var notes = new List<string>();
        PostgresScratchDatabase? scratch = null;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"selfservice-dashboard-bench-{Guid.NewGuid():N}");
        try
        {
            var connectionString = Environment.GetEnvironmentVariable(SeededDatabaseVariable);
            if (string.IsNullOrEmpty(connectionString))
            {
                scratch = await PostgresScratchDatabase.CreateAsync("selfservice_dashbench");
                connectionString = scratch.ConnectionString;
                notes.Add(await SeedAsync(connectionString));
            }
            else
            {
                notes.Add("England's demo data was already in the database (seeded with the same date and seed by the same generator); the app applied any newer migrations at start-up.");
            }

            // The dashboard's queries are many-row aggregates: give them the 5-minute ceiling a report needs, not 30 s.
            connectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 300 }.ConnectionString;
            var rows = await MeasureAsync(connectionString, dataDirectory);
            Write(output, rows, notes, loadBefore, Report.LoadAverage());
            Console.WriteLine($"Wrote {output}");
            return rows.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (scratch is not null)
            {
                await scratch.DisposeAsync();
            }

            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<string> SeedAsync(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CaseStoreDbContext>();
        builder.UseCaseStore(new CaseStoreOptions(CaseStoreProvider.Postgres, connectionString));
        await using var db = new CaseStoreDbContext(builder.Options);
        Console.WriteLine("Migrating and seeding England's demo data into PostgreSQL (several minutes)…");
        var started = Stopwatch.GetTimestamp();
        await new CaseStoreMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        var summary = await DemoDataSeeder.SeedAsync(db, DemoScale.National, SeedDate, Seed);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return string.Create(CultureInfo.InvariantCulture,
            $"Seeded by the script: {summary.PlansInPlace:N0} plans in place, {summary.AssessmentCases:N0} assessment cases, {summary.CaseEvents:N0} case events, {summary.AnnualReviews:N0} annual reviews, in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s.");
    }

    private static async Task<List<Row>> MeasureAsync(string connectionString, string dataDirectory)
    {
        using var app = new BenchmarkApp(dataDirectory, connectionString, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DemoData:SeedOnFirstRun"] = "false",
            ["SignIn:MaxCodesPerAddress"] = "1000",
        });
        Console.WriteLine("Starting the app on England's data…");
        var root = app.StartOnKestrel();
        var cookies = await Portal.PortalBenchmark.SignInAsync(root, Path.Combine(dataDirectory, "mail-pickup"), DemoCast.ServiceManagerEmail);
        using var http = Portal.PortalBenchmark.Client(root, cookies);
        http.Timeout = TimeSpan.FromMinutes(5);

        var rows = new List<Row>();
        foreach (var period in Periods)
        {
            var url = $"/staff/dashboard?period={period}";
            Console.WriteLine($"GET {url}: cold, then {Requests} warm…");
            var (cold, coldStatus) = await TimeAsync(http, url);
            var warm = new List<double>();
            var errors = coldStatus == HttpStatusCode.OK ? 0 : 1;
            for (var i = 0; i < Requests; i++)
            {
                var (ms, status) = await TimeAsync(http, url);
                warm.Add(ms);
                errors += status == HttpStatusCode.OK ? 0 : 1;
            }

            warm.Sort();
            rows.Add(new Row($"`{url}`", cold, Measure.Percentile(warm, 50), Measure.Percentile(warm, 95), warm.Count, errors));
        }

        return rows;
    }

    private static async Task<(double Milliseconds, HttpStatusCode Status)> TimeAsync(HttpClient http, string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url);
        _ = await response.Content.ReadAsByteArrayAsync();
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode);
    }

    private sealed record Row(string Page, double Cold, double P50, double P95, int Requests, int Errors);

    private static void Write(string path, List<Row> rows, List<string> notes, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Performance dashboard at national scale");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/benchmark-dashboard.sh` (Release build) on {Report.Machine}, PostgreSQL on loopback. ") +
            "England's demo data (92 authorities, ~640,000 plans in place, ~283,000 assessment cases, ~2.8 million case events, ~1.6 million annual reviews). " +
            "The real app in Development on Kestrel; Janet Robinson (service manager) signs in through the sign-in pages; then the dashboard is fetched by one client for each period kind: " +
            $"once straight after start-up (cold: query plans and caches not yet warm), then {Requests} times (warm). Latency: GET until the whole page has arrived; each page runs every figure's queries. " +
            string.Join(" ", notes) + " " +
            $"Load average (1, 5, 15 min) before the run: {loadBefore}; after: {loadAfter}.");
        section.AppendLine();
        section.AppendLine("| page | cold | warm p50 | warm p95 | warm requests | errors |");
        section.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Page} | {row.Cold:F0} ms | {row.P50:F0} ms | {row.P95:F0} ms | {row.Requests} | {row.Errors} |"));
        }

        section.Append(End);
        Report.WriteSection(path, Start, End, section.ToString());
    }
}
