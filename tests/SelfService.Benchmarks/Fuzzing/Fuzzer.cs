using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfService.Benchmarks.Portal;
using SelfService.Testing;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>
/// Hostile input for a few minutes: the real app on Kestrel with the test-sized demo authority,
/// a fixed number of workers each sending mutated requests (drawn from its own seeded random) to
/// <c>/api/messages</c>, the Direct Line endpoints, the calculator API, and every form the demo
/// people (anonymous, parent, SENCO, councillor, caseworker, service manager) can reach, with
/// their antiforgery tokens. Any 5xx, any request unanswered within 10 s, any request the app
/// does not answer at all, and the app failing its liveness check are findings.
/// </summary>
internal static class Fuzzer
{
    private const string Start = "<!-- fuzz:start -->";
    private const string End = "<!-- fuzz:end -->";
    private const string Secret = "fuzz-direct-line-secret";
#if DEBUG
    private const string Build = "Debug";
#else
    private const string Build = "Release";
#endif

    private static readonly (string Role, string? Email)[] People =
    [
        ("anonymous", null),
        ("parent", "helen.carter@example.com"),
        ("SENCO", "aisha.rahman@example.com"),
        ("councillor", "margaret.ellis@example.com"),
        ("caseworker", "daniel.price@example.com"),
        ("service manager", "janet.robinson@example.com"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = FuzzOptions.Parse(args);
        BenchmarkApp.UseContentRootFromRepository();
        var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-fuzz-{Guid.NewGuid():N}");
        PostgresScratchDatabase? database = null;
        var errors = new ServerErrorLog();
        try
        {
            if (options.Database == "postgres")
            {
                database = await PostgresScratchDatabase.CreateAsync("selfservice_fuzz");
            }

            var pickup = Path.Combine(scratch, "mail");
            using var app = new BenchmarkApp(Path.Combine(scratch, "data"), database?.ConnectionString, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DemoData:SeedOnFirstRun"] = "true",
                ["DemoData:Scale"] = "Test",
                ["DirectLine:Secret"] = Secret,
                ["DirectLine:TokenSigningKey"] = "ZnV6ei10ZXN0LXNpZ25pbmcta2V5LTMyLWJ5dGVzLWxvbmchIQ==",
                ["SignIn:MaxCodesPerAddress"] = "1000",
                ["Email:PickupDirectory"] = pickup,
                // An activity whose serviceUrl cannot be reached is retried with back-off (1 s, 2 s, 4 s
                // by default) before the turn gives up: the schedule has its own tests, and at full
                // length it would sit close to the 10 s hang limit on a busy machine.
                ["Bot:ConnectorRetryDelay"] = "00:00:00.250",
                // The app's own errors are what the run is looking for: kept (by ServerErrorLog), not printed.
                ["Logging:Console:LogLevel:Default"] = "None",
                ["Logging:Console:LogLevel:Microsoft"] = "None",
                ["Logging:Console:LogLevel:Microsoft.AspNetCore"] = "None",
                ["Logging:Console:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            }, services => services.AddSingleton<ILoggerProvider>(errors));
            Console.WriteLine($"fuzz: starting the app ({options.Database}, test-sized demo authority)…");
            var root = app.StartOnKestrel();
            using var http = FuzzHttp.CreateClient(options.Concurrency);
            var tally = new FuzzTally();

            var context = await SetUpAsync(http, root, pickup, tally);
            Console.WriteLine($"fuzz: {context.Forms.Count} forms on {context.Pages.Count} pages across {context.Sessions.Count} roles; " +
                $"{options.Concurrency} workers for {options.Duration.TotalMinutes:0.##} min, seed {options.Seed}…");

            var started = Stopwatch.GetTimestamp();
            using var stop = new CancellationTokenSource(options.Duration);
            var liveness = Task.Run(() => WatchLivenessAsync(http, root, tally, stop.Token));
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(() => WorkAsync(http, context, tally, new Random(options.Seed + (worker * 7919)), stop.Token))));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await liveness;
            if (!await IsLiveAsync(http, root))
            {
                tally.Find("liveness end", "the app did not answer /health/live after the run", new FuzzRequest("liveness", "GET", "/health/live", null, ""));
            }

            Print(tally, errors, seconds);
            if (options.Output is { } output)
            {
                Write(output, options, context, tally, errors, seconds);
                Console.WriteLine($"Wrote {output}");
            }

            Console.WriteLine(tally.FindingCount == 0 ? "fuzz: passed" : $"fuzz: {tally.FindingCount} findings");
            return tally.FindingCount == 0 ? 0 : 1;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static async Task<FuzzContext> SetUpAsync(HttpClient http, Uri root, string pickup, FuzzTally tally)
    {
        var sessions = new List<FuzzSession>();
        foreach (var (role, email) in People)
        {
            sessions.Add(new FuzzSession(role, email is null ? new CookieContainer() : await PortalBenchmark.SignInAsync(root, pickup, email)));
        }

        var forms = new List<DiscoveredForm>();
        var pages = new List<(FuzzSession, string)>();
        foreach (var session in sessions)
        {
            var found = await FormDiscovery.DiscoverAsync(http, root, session, tally);
            forms.AddRange(found);
            pages.AddRange(found.Select(f => (session, f.Page)).Distinct());
            Console.WriteLine($"fuzz: {session.Role}: {found.Count} forms ({string.Join(", ", found.Select(f => FormDiscovery.Shape(f.Action)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})");
        }

        var conversations = new List<(string, string)>();
        for (var i = 0; i < 4; i++)
        {
            using var generate = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "/v3/directline/tokens/generate")) { Content = JsonContent.Create(new { user = new { id = $"fuzz-{i}" } }) };
            generate.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
            using var generated = await http.SendAsync(generate);
            var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "/v3/directline/conversations"));
            start.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var started = await http.SendAsync(start);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            conversations.Add((body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!));
        }

        return new FuzzContext(root, Secret, conversations, sessions, forms, pages);
    }

    private static async Task WorkAsync(HttpClient http, FuzzContext context, FuzzTally tally, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var shot = roll switch
            {
                < 20 => Targets.BotMessage(random, context),
                < 45 => Targets.DirectLine(random, context),
                < 63 => Targets.Calculator(random, context),
                < 93 when context.Forms.Count > 0 => Targets.Form(random, context),
                _ when context.Pages.Count > 0 => Targets.Page(random, context),
                _ => Targets.Calculator(random, context),
            };
            using (shot.Request)
            using (await FuzzHttp.SendAsync(http, shot.Request, shot.What, tally))
            {
            }
        }
    }

    private static async Task WatchLivenessAsync(HttpClient http, Uri root, FuzzTally tally, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            failures = await IsLiveAsync(http, root) ? 0 : failures + 1;
            if (failures == 3)
            {
                tally.Find("liveness", "the app stopped answering /health/live (three checks in a row)", new FuzzRequest("liveness", "GET", "/health/live", null, ""));
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Asked on a connection of its own, so a pool clogged by hostile requests does not hide whether the app still accepts new ones.</summary>
    private static async Task<bool> IsLiveAsync(HttpClient http, Uri root)
    {
        _ = http;
        using var fresh = new HttpClient { Timeout = FuzzOptions.RequestTimeout };
        try
        {
            using var response = await fresh.GetAsync(new Uri(root, "/health/live"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static void Print(FuzzTally tally, ServerErrorLog errors, double seconds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {tally.Requests:N0} requests in {seconds:F0} s ({tally.Requests / seconds:F0}/s) over {FuzzHttp.ConnectionsOpened:N0} connections"));
        Console.WriteLine(tally.CountsTable());
        foreach (var finding in tally.Findings)
        {
            Console.WriteLine($"FINDING ×{finding.Count}: {finding.Outcome}: {finding.Example.Describe()}{(finding.Detail is null ? "" : $" → {finding.Detail}")}");
        }

        foreach (var (error, count) in errors.Errors.OrderByDescending(e => e.Value))
        {
            Console.WriteLine($"server error ×{count}: {error}: {errors.Example(error)}");
        }
    }

    private static void Write(string path, FuzzOptions options, FuzzContext context, FuzzTally tally, ServerErrorLog errors, double seconds)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Hostile input");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/fuzz.sh{(options.Arguments.Length > 0 ? " " + options.Arguments : "")}` ({Build} build) on {Report.Machine}, seed {options.Seed}. ") +
            $"The real app in Development on Kestrel (loopback) with the test-sized demo authority on {(options.Database == "postgres" ? "PostgreSQL" : "SQLite")}. " +
            string.Create(CultureInfo.InvariantCulture,
            $"{options.Concurrency} workers, each drawing from its own seeded random, sent mutated requests for {seconds / 60:F1} minutes over one pooled HTTP client ({FuzzHttp.ConnectionsOpened:N0} connections opened in all): ") +
            "`POST /api/messages` with mutated activities (fields missing, of the wrong type, huge, deeply nested, duplicated; invalid UTF-8; wrong content types; unknown channels and serviceUrls); " +
            "the Direct Line endpoints (tokens, conversations, activities with odd watermarks and bodies, uploads with odd multipart, attachments, streams, with good, bad and other people's tokens); " +
            "the calculator API and the other `/api` endpoints; " +
            string.Create(CultureInfo.InvariantCulture, $"and {context.Forms.Count} forms found by crawling the pages as {string.Join(", ", context.Sessions.Select(s => s.Role))}, ") +
            "posted with their antiforgery tokens and mutated values (empty, huge, Unicode, control characters, far-past and far-future dates, negative and enormous numbers, SQL and HTML injection, fields missing or repeated, files of odd names and types), " +
            "plus signed-in page GETs with hostile query strings. A finding is any 5xx, any request not answered within 10 s, any request not answered at all, or the app failing its liveness check " +
            "(`/health/live` on a fresh connection every 2 s); a crash would end the run itself. Not findings: the Bot Framework protocol's 501 for an invoke the bot does not handle, counted apart; " +
            "and the bot's own handled turn failures (an unreachable serviceUrl, an unknown channel), listed below from the app's log. The bot's retry back-off is shortened to 250 ms for the run.");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture, $"**{tally.FindingCount} findings** in {tally.Requests:N0} requests ({tally.Requests / seconds:F0} a second)."));
        section.AppendLine();
        section.AppendLine(tally.CountsTable());
        if (tally.FindingCount > 0)
        {
            section.AppendLine();
            section.AppendLine("| findings | outcome | example request |");
            section.AppendLine("|---:|---|---|");
            foreach (var finding in tally.Findings.Take(40))
            {
                section.AppendLine(CultureInfo.InvariantCulture, $"| {finding.Count} | {finding.Outcome} | `{finding.Example.Describe().Replace("`", "'", StringComparison.Ordinal).Replace("|", "¦", StringComparison.Ordinal)}` |");
            }
        }

        if (errors.Errors.Count > 0)
        {
            section.AppendLine();
            section.AppendLine("Errors the app logged (handled, or behind the findings above):");
            section.AppendLine();
            foreach (var (error, count) in errors.Errors.OrderByDescending(e => e.Value).Take(20))
            {
                section.AppendLine(CultureInfo.InvariantCulture, $"- ×{count}: `{error.Replace("`", "'", StringComparison.Ordinal)}`: {errors.Example(error).Replace("`", "'", StringComparison.Ordinal)}");
            }
        }

        section.AppendLine();
        section.AppendLine("`bash scripts/test.sh` runs the same fuzzer for a minute on SQLite and a minute on PostgreSQL, with the same seed, and fails on any finding.");
        section.Append(End);
        Report.WriteSection(path, Start, End, section.ToString());
    }
}
