using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SelfService.Benchmarks;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Domain.Timeline;
using SelfService.Testing;

if (args is ["directline", ..])
{
    return await SelfService.Benchmarks.DirectLine.DirectLineBenchmark.RunAsync(args.Length > 1 ? args[1] : Path.Combine("docs", "performance.md"));
}

if (args is ["portal", ..])
{
    return await SelfService.Benchmarks.Portal.PortalBenchmark.RunAsync(args.Length > 1 ? args[1] : Path.Combine("docs", "performance.md"));
}

if (args is ["load", ..])
{
    return await SelfService.Benchmarks.Load.LoadTest.RunAsync(args);
}

if (args is ["faults", ..])
{
    return await SelfService.Benchmarks.Faults.FaultsRun.RunAsync(args);
}

if (args is ["fuzz", ..])
{
    return await SelfService.Benchmarks.Fuzzing.Fuzzer.RunAsync(args);
}

if (args is ["dashboard", ..])
{
    return await SelfService.Benchmarks.Dashboard.DashboardBenchmark.RunAsync(args.Length > 1 ? args[1] : Path.Combine("docs", "performance.md"));
}

// Fixed inputs, so runs on different days or machines compare like with like.
var today = new DateOnly(2026, 11, 22);
const int Seed = 20261122;
var output = args.Length > 0 ? args[0] : Path.Combine("docs", "performance.md");
var invariant = CultureInfo.InvariantCulture;
var rows = new List<(string What, string Figure, string Notes)>();

Console.WriteLine("Generating the Leeds demo authority in memory…");
var generateSeconds = await Measure.OnceSecondsAsync(() => Task.FromResult(new DemoDataGenerator(DemoScale.Leeds, today, Seed).Generate().ToList()));
var leeds = new DemoDataGenerator(DemoScale.Leeds, today, Seed).Generate().Single();
rows.Add(("Generate the Leeds authority in memory", $"{generateSeconds:F2} s", $"{leeds.AssessmentCases.Count:N0} cases, {leeds.EhcPlans.Count:N0} plans, every change through the domain"));

var caseClockMs = Measure.MedianMilliseconds(() =>
{
    foreach (var assessmentCase in leeds.AssessmentCases)
    {
        _ = assessmentCase.Timeline(today);
    }
});
rows.Add(("Statutory clock, every Leeds case", $"{caseClockMs:F1} ms", $"{caseClockMs * 1000 / leeds.AssessmentCases.Count:F1} µs a case (median of 7 rounds)"));

var reviewClockMs = Measure.MedianMilliseconds(() =>
{
    foreach (var plan in leeds.EhcPlans)
    {
        _ = AnnualReviewClock.Calculate(plan.ToTimelineInput(), today);
    }
});
rows.Add(("Annual review clock, every Leeds plan", $"{reviewClockMs:F1} ms", $"{reviewClockMs * 1000 / leeds.EhcPlans.Count:F1} µs a plan (median of 7 rounds)"));

var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(scratch);
try
{
    var sqlite = new CaseStoreOptions(CaseStoreProvider.Sqlite, $"Data Source={Path.Combine(scratch, "leeds.db")}");
    rows.AddRange(await MeasureStoreAsync("SQLite", sqlite));

    if (PostgresScratchDatabase.Server is not null)
    {
        await using var database = await PostgresScratchDatabase.CreateAsync("selfservice_bench");
        rows.AddRange(await MeasureStoreAsync("PostgreSQL", new CaseStoreOptions(CaseStoreProvider.Postgres, database.ConnectionString)));
    }
    else
    {
        Console.WriteLine("SELFSERVICE_TEST_POSTGRES is not set: PostgreSQL figures skipped (scripts/benchmark.sh sets it).");
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

WriteReport(output, rows);
Console.WriteLine($"Wrote {output}");
return 0;

async Task<List<(string, string, string)>> MeasureStoreAsync(string label, CaseStoreOptions options)
{
    var results = new List<(string, string, string)>();
    var builder = new DbContextOptionsBuilder<CaseStoreDbContext>();
    builder.UseCaseStore(options);
    var contextOptions = builder.Options;
    await using (var db = new CaseStoreDbContext(contextOptions))
    {
        var migrate = await Measure.OnceSecondsAsync(() => db.Database.MigrateAsync());
        results.Add(($"{label}: migrate an empty database", $"{migrate:F2} s", "both migrations"));
        Console.WriteLine($"Seeding Leeds into {label}…");
        var seed = await Measure.OnceSecondsAsync(() => DemoDataSeeder.SeedAsync(db, DemoScale.Leeds, today, Seed));
        results.Add(($"{label}: seed the Leeds authority", $"{seed:F1} s", options.Provider == CaseStoreProvider.Sqlite ? "what the first `dotnet run` does" : "binary COPY"));
    }

    // What a case page or a bot answer costs: find a case by reference, load its history, run the clock.
    await using (var db = new CaseStoreDbContext(contextOptions))
    {
        var references = await db.AssessmentCases.AsNoTracking().Select(c => c.Reference).ToListAsync();
        var random = new Random(Seed);
        var timings = new List<double>();
        for (var i = 0; i < 1_100; i++)
        {
            var reference = references[random.Next(references.Count)];
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var found = await db.AssessmentCases.AsNoTracking().WithEvents().SingleAsync(c => c.Reference == reference);
            _ = found.Timeline(today);
            if (i >= 100)
            {
                timings.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        timings.Sort();
        results.Add(($"{label}: load a case by reference and compute its timeline",
            $"p50 {Measure.Percentile(timings, 50):F2} ms, p95 {Measure.Percentile(timings, 95):F2} ms, p99 {Measure.Percentile(timings, 99):F2} ms",
            "1,000 random Leeds cases after 100 warm-up, one connection"));
    }

    return results;
}

void WriteReport(string path, List<(string What, string Figure, string Notes)> figures)
{
    const string Start = "<!-- foundation:start -->";
    const string End = "<!-- foundation:end -->";
    var section = new StringBuilder();
    section.AppendLine(Start);
    section.AppendLine("## Foundation: statutory clock, demo data, case store");
    section.AppendLine();
    section.AppendLine(string.Create(invariant, $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/benchmark.sh` (Release build) on {Environment.ProcessorCount} cores, ") +
        string.Create(invariant, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F0} GiB, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}. ") +
        "Demo data for 22 November 2026, seed 20261122.");
    section.AppendLine();
    section.AppendLine("| what | figure | notes |");
    section.AppendLine("|---|---|---|");
    foreach (var (what, figure, notes) in figures)
    {
        section.AppendLine(string.Create(invariant, $"| {what} | {figure} | {notes} |"));
    }

    section.AppendLine(End);

    var existing = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\nFigures measured by the scripts in this repository; each section says how to reproduce it.\n\n";
    var startIndex = existing.IndexOf(Start, StringComparison.Ordinal);
    var endIndex = existing.IndexOf(End, StringComparison.Ordinal);
    var updated = startIndex >= 0 && endIndex > startIndex
        ? existing[..startIndex] + section.ToString().TrimEnd() + existing[(endIndex + End.Length)..]
        : existing.TrimEnd() + "\n\n" + section;
    File.WriteAllText(path, updated.TrimEnd() + "\n");
}
