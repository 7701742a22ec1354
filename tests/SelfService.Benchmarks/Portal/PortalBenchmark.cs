using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SelfService.Testing;

namespace SelfService.Benchmarks.Portal;

/// <summary>
/// Signed-in portal pages under load: the real app on Kestrel (loopback) with the Leeds demo
/// authority seeded, people signed in through the sign-in pages (code read from the Development
/// pickup folder), then repeated GETs of their case list and of Sam's case page, one client at a
/// time and then 20 at once. Every view of a case list or case page writes an audit row.
/// </summary>
internal static partial class PortalBenchmark
{
    private const string Start = "<!-- portal:start -->";
    private const string End = "<!-- portal:end -->";
    private const string Parent = "helen.carter@example.com";
    private const string Senco = "aisha.rahman@example.com";
    private const int Requests = 300;
    private const int WarmUp = 20;
    private static readonly int[] Concurrency = [1, 20];

    public static async Task<int> RunAsync(string output)
    {
        var loadBefore = Report.LoadAverage();
        BenchmarkApp.UseContentRootFromRepository();
        var rows = new List<string>();
        var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-portal-bench-{Guid.NewGuid():N}");
        var failed = 0;
        try
        {
            failed += await MeasureAsync("SQLite", scratch, connectionString: null, rows);
            if (PostgresScratchDatabase.Server is not null)
            {
                await using var database = await PostgresScratchDatabase.CreateAsync("selfservice_portalbench");
                failed += await MeasureAsync("PostgreSQL", scratch + "-pg", database.ConnectionString, rows);
            }
            else
            {
                Console.WriteLine("SELFSERVICE_TEST_POSTGRES is not set: PostgreSQL figures skipped.");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var directory in new[] { scratch, scratch + "-pg" }.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Write(output, rows, loadBefore, Report.LoadAverage());
        Console.WriteLine($"Wrote {output}");
        if (failed > 0)
        {
            Console.Error.WriteLine($"{failed} request(s) did not return 200.");
            return 1;
        }

        return 0;
    }

    private static async Task<int> MeasureAsync(string label, string dataDirectory, string? connectionString, List<string> rows)
    {
        using var app = new BenchmarkApp(dataDirectory, connectionString, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DemoData:SeedOnFirstRun"] = "true",
            ["DemoData:Scale"] = "Leeds",
            // Sign-in is not what is measured; a rerun within 15 minutes must not hit the code limit.
            ["SignIn:MaxCodesPerAddress"] = "1000",
        });
        Console.WriteLine($"{label}: starting the app and seeding the Leeds authority…");
        var root = app.StartOnKestrel();
        var pickup = Path.Combine(dataDirectory, "mail-pickup");

        var parentCookies = await SignInAsync(root, pickup, Parent);
        var samCase = await FindSamsCaseAsync(root, parentCookies);
        var sencoCookies = await SignInAsync(root, pickup, Senco);

        var failed = 0;
        foreach (var (page, who, cookies, url) in new[]
        {
            ("`/cases`", "parent", parentCookies, "/cases"),
            ($"`{samCase}`", "parent", parentCookies, samCase),
            ("`/cases`", "SENCO", sencoCookies, "/cases"),
        })
        {
            foreach (var clients in Concurrency)
            {
                Console.WriteLine($"{label}: {who} GET {url}, {clients} client(s)…");
                var (latencies, errors, seconds) = await RunAsync(root, cookies, url, clients);
                latencies.Sort();
                failed += errors;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {page} ({who}) | {clients} | {latencies.Count} | {latencies.Count / seconds:F0} pages/s | {Measure.Percentile(latencies, 50):F1} ms | {Measure.Percentile(latencies, 95):F1} ms | {Measure.Percentile(latencies, 99):F1} ms | {errors} |"));
            }
        }

        return failed;
    }

    /// <summary><see cref="Requests"/> GETs shared among <paramref name="clients"/> clients, each with its own connection and a copy of the session cookie, after a warm-up.</summary>
    private static async Task<(List<double> Latencies, int Errors, double Seconds)> RunAsync(Uri root, CookieContainer signedIn, string url, int clients)
    {
        var https = Enumerable.Range(0, clients).Select(_ => Client(root, Copy(root, signedIn))).ToList();
        try
        {
            await Task.WhenAll(https.Select(async http =>
            {
                for (var i = 0; i < WarmUp / clients + 1; i++)
                {
                    using var response = await http.GetAsync(url);
                }
            }));

            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(https.Select((http, index) => Task.Run(async () =>
            {
                var share = Requests / clients + (index < Requests % clients ? 1 : 0);
                for (var i = 0; i < share; i++)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(url);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })));
            return ([.. latencies], errors, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            foreach (var http in https)
            {
                http.Dispose();
            }
        }
    }

    /// <summary>Signs in as a person does: asks for a code on /sign-in, reads it from the email, enters it on /sign-in/code.</summary>
    internal static async Task<CookieContainer> SignInAsync(Uri root, string pickup, string email)
    {
        var cookies = new CookieContainer();
        using var http = Client(root, cookies);
        var before = Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").ToHashSet(StringComparer.Ordinal) : [];
        await SubmitAsync(http, "/sign-in", "email", email, "/sign-in/code");
        var code = await WaitForCodeAsync(pickup, before, email);
        await SubmitAsync(http, "/sign-in/code", "code", code, expectedLocation: null);
        return cookies;
    }

    /// <summary>GETs a page and posts its form back with its hidden fields (the antiforgery token among them) and one field filled in; it must redirect.</summary>
    private static async Task SubmitAsync(HttpClient http, string url, string field, string value, string? expectedLocation)
    {
        var page = await http.GetStringAsync(url);
        var fields = HiddenInput().Matches(page)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(new KeyValuePair<string, string>(field, value));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(url, content);
        if (response.StatusCode != HttpStatusCode.Redirect || (expectedLocation is not null && response.Headers.Location?.OriginalString != expectedLocation))
        {
            throw new InvalidOperationException($"POST {url} gave {(int)response.StatusCode} to {response.Headers.Location}, not the expected redirect.");
        }
    }

    private static async Task<string> WaitForCodeAsync(string pickup, HashSet<string> before, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Where(f => !before.Contains(f)) : [])
            {
                // The body is quoted-printable: undo soft line breaks and encoded line ends, which is all a code line needs.
                var text = (await File.ReadAllTextAsync(file, Encoding.UTF8))
                    .Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
                    .Replace("=0D", "", StringComparison.Ordinal).Replace("=0A", "\n", StringComparison.Ordinal);
                if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && CodeLine().Match(text) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No sign-in code for {email} arrived in {pickup}.");
    }

    /// <summary>Sam's case reference holds the year its request was received; take it from the parent's case list.</summary>
    internal static async Task<string> FindSamsCaseAsync(Uri root, CookieContainer cookies)
    {
        using var http = Client(root, cookies);
        var list = await http.GetStringAsync("/cases");
        return SamsCaseLink().Match(list) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("Helen's case list has no link to Sam's case (EHC-<year>-00042).");
    }

    internal static HttpClient Client(Uri root, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = root };

    private static CookieContainer Copy(Uri root, CookieContainer from)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(root))
        {
            copy.Add(root, new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    private static void Write(string path, List<string> rows, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Portal pages: signed-in case list and case page");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/benchmark-portal.sh` (Release build) on {Report.Machine}. ") +
            "The real app in Development on Kestrel (loopback) with the Leeds demo authority seeded at startup. " +
            "Helen Carter (parent) and Aisha Rahman (SENCO) sign in through the sign-in pages, with the code read from the emailed message; " +
            $"then each page is fetched {Requests} times after a warm-up, by one client and then by 20 clients at once (each its own connection, sharing the session). " +
            "Latency: GET until the whole page has arrived. Every view of a case list or case page writes an audit row, so each request is a read and a write. " +
            "Errors: responses other than 200. The load generator runs in the same process, on the same cores. " +
            $"Load average (1, 5, 15 min) before the run: {loadBefore}; after: {loadAfter}.");
        section.AppendLine();
        section.AppendLine("| database | page | concurrency | requests | throughput | p50 | p95 | p99 | errors |");
        section.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.Append(End);
        Report.WriteSection(path, Start, End, section.ToString());
    }

    [GeneratedRegex("""<input(?=[^>]*\btype="hidden")(?=[^>]*\bname="(?<name>[^"]*)")(?=[^>]*\bvalue="(?<value>[^"]*)")[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"^\s*(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex("""href="(/cases/EHC-\d{4}-00042)"[^>]*>""")]
    private static partial Regex SamsCaseLink();
}
