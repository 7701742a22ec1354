using System.Globalization;
using System.Text;
using SelfService.Data;
using SelfService.Testing;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// <c>faults</c>: the real app as its own process on loopback, put through a PostgreSQL restart
/// under load, an SMTP outage, and SIGKILL while requests are sent (SQLite and PostgreSQL).
/// Prints "faults: passed" or the checks that failed; the full run writes its figures into
/// docs/performance.md.
/// </summary>
internal static class FaultsRun
{
    private const string Start = "<!-- faults:start -->";
    private const string End = "<!-- faults:end -->";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = FaultOptions.Parse(args);
        var postgresPort = Environment.GetEnvironmentVariable("SELFSERVICE_PG_PORT");
        var server = PostgresScratchDatabase.Server;
        if (server is null || postgresPort is null
            || new Npgsql.NpgsqlConnectionStringBuilder(server).Port.ToString(CultureInfo.InvariantCulture) != postgresPort)
        {
            // The restart fault stops the server it is pointed at: it must be one of its own, never a shared one.
            Console.Error.WriteLine("faults: run through scripts/faults.sh, which starts a PostgreSQL of its own (SELFSERVICE_PG_PORT and SELFSERVICE_TEST_POSTGRES must name it).");
            return 2;
        }

        var loadBefore = Report.LoadAverage();
        var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-faults-{Guid.NewGuid():N}");
        var results = new List<FaultResult>();
        var keep = false;
        try
        {
            if (options.Runs("pg-restart"))
            {
                Console.WriteLine($"PostgreSQL restart under load: {options.RestartClients} clients for {options.RestartDuration.TotalSeconds:F0} s…");
                results.Add(await PostgresRestartFault.RunAsync(options, scratch));
                results[^1].Print();
            }

            if (options.Runs("smtp"))
            {
                Console.WriteLine($"SMTP relay down for {options.SmtpOutage.TotalSeconds:F0} s with {options.SmtpEmails} emails…");
                results.Add(await SmtpOutageFault.RunAsync(options, scratch));
                results[^1].Print();
            }

            if (options.Runs("kill"))
            {
                foreach (var provider in new[] { CaseStoreProvider.Sqlite, CaseStoreProvider.Postgres })
                {
                    Console.WriteLine($"SIGKILL while sending, {provider}: {options.KillRounds} round(s) of {options.KillSubmissions} sends…");
                    results.Add(await KillDuringSubmitFault.RunAsync(options, scratch, provider));
                    results[^1].Print();
                }
            }

            keep = results.Any(r => !r.Passed);
        }
        finally
        {
            // A failed run keeps the apps' logs and data for whoever has to look into it.
            if (keep)
            {
                Console.WriteLine($"faults: logs and data kept in {scratch}");
            }
            else if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        if (!options.Ci && options.Only.Count == 0)
        {
            Write(options, results, loadBefore, Report.LoadAverage());
            Console.WriteLine($"Wrote {options.Output}");
        }

        var failed = results.Where(r => !r.Passed).ToList();
        Console.WriteLine(failed.Count == 0 ? "faults: passed" : $"faults: FAILED ({string.Join("; ", failed.Select(f => $"{f.Scenario}, {f.Configuration}"))})");
        return failed.Count == 0 ? 0 : 1;
    }

    private static void Write(FaultOptions options, List<FaultResult> results, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Faults");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/faults.sh{(options.Configuration == "Release" ? "" : " --configuration " + options.Configuration)}` ({options.Configuration} build) on {Report.Machine}; `bash scripts/faults.sh --ci` is the shorter run in `scripts/test.sh`. ") +
            "The app runs as its own process (`dotnet SelfService.Web.dll`) on loopback with an empty case store; PostgreSQL is a server of the script's own; people sign in with emailed codes and fill in and send requests for an assessment through the pages, as a browser without JavaScript does. " +
            "Every response is sorted as the person saw it: succeeded; a GOV.UK error page (no internals on it); connection failed (only when the process is killed); or other, which fails the run (a stack trace or exception text on a page, an unexpected status, a timeout). " +
            "Afterwards the database is read directly: each request's child has a first name of its own, so a request saved twice shows as two cases whatever the draft rows say. " +
            string.Create(CultureInfo.InvariantCulture, $"Seed {options.Seed}. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}."));
        section.AppendLine();
        section.AppendLine("| fault | configuration | responses | result | figures |");
        section.AppendLine("|---|---|---|---|---|");
        foreach (var result in results)
        {
            section.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Scenario} | {result.Configuration} | {result.OutcomeSummary()} | {(result.Passed ? "passed" : "**failed**: " + string.Join("; ", result.Problems.Take(3)))} | {string.Join("<br>", result.Figures)} |"));
        }

        section.AppendLine();
        section.AppendLine("What is checked: PostgreSQL restart: every reference shown on a confirmation page is in the database exactly once and is that request's; no draft became two cases; everyone told it failed could send the same draft again; `/health/ready` said unhealthy while the database was down for several seconds. " +
            "SMTP: every code asked for while the relay was down arrived once it was back, none twice (by Message-ID and by address). " +
            "SIGKILL: everyone told \"sent\" has exactly one case after the restart, no one has two, and sending the same draft again gives exactly one case and its reference.");
        section.Append(End);
        Report.WriteSection(options.Output, Start, End, section.ToString());
    }
}
