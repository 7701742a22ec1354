using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SelfService.Benchmarks.Portal;
using SelfService.Testing;

namespace SelfService.Benchmarks.Load;

/// <summary>
/// The soak the deployment issue asks for: many Direct Line conversations with the real SEND bot
/// plus signed-in case-page views, for minutes, on SQLite (one instance) and PostgreSQL (one and
/// two instances), next to a bare ASP.NET Core endpoint on the same machine. Conversations are
/// people typing: each sends a message, waits for the reply, then thinks for a few seconds (open
/// loop over the population, so a slow server does not slow the arrivals down). Case pages are
/// requested at a fixed rate whatever the server does.
/// </summary>
internal static class LoadTest
{
    private const string Start = "<!-- load:start -->";
    private const string End = "<!-- load:end -->";
    private const string Secret = "load-test-secret";
    private static readonly string[] Questions =
    [
        "what is an EHC plan?", "who can ask for an assessment?", "how long does it take?",
        "what happens if the council says no?", "how do I complain?", "hello", "thanks",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var loadBefore = Report.LoadAverage();
        BenchmarkApp.UseContentRootFromRepository();
        var rows = new List<string>();
        var failed = false;
        var bare = await MeasureBareAsync(options);
        rows.Add(bare.Row);
        foreach (var config in options.Configurations)
        {
            if (config != "sqlite" && PostgresScratchDatabase.Server is null)
            {
                Console.WriteLine($"SELFSERVICE_TEST_POSTGRES is not set: {config} skipped.");
                continue;
            }

            var result = await MeasureAppAsync(config, options);
            rows.AddRange(result.Rows(bare));
            failed |= result.Errors > 0;
        }

        Write(options.Output, options, rows, loadBefore, Report.LoadAverage());
        Console.WriteLine($"Wrote {options.Output}");
        return failed ? 1 : 0;
    }

    /// <summary>The ceiling: an endpoint that does nothing, hammered by as many clients as there are conversations' worth of connections.</summary>
    private static async Task<(string Row, double PerSecond, double P50)> MeasureBareAsync(LoadOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var bare = builder.Build();
        bare.MapGet("/ping", () => "pong");
        await bare.StartAsync();
        var root = new Uri(bare.Urls.First());
        using var http = new HttpClient { BaseAddress = root };
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        using var stop = new CancellationTokenSource(options.BareDuration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(client => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync("/ping", CancellationToken.None);
                    _ = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await bare.StopAsync();
        var sorted = latencies.OrderBy(l => l).ToList();
        var perSecond = sorted.Count / seconds;
        Console.WriteLine($"bare: {perSecond:F0} requests/s");
        return (string.Create(CultureInfo.InvariantCulture,
            $"| bare ASP.NET Core `GET /ping` (64 clients, closed loop) | – | {seconds:F0} s | {sorted.Count:N0} | {perSecond:F0}/s | {Measure.Percentile(sorted, 50):F1} ms | {Measure.Percentile(sorted, 95):F1} ms | {Measure.Percentile(sorted, 99):F1} ms | {errors} | – | 1× |"),
            perSecond, Measure.Percentile(sorted, 50));
    }

    private static async Task<LoadResult> MeasureAppAsync(string config, LoadOptions options)
    {
        var instances = config == "postgres2" ? 2 : 1;
        var label = config switch { "sqlite" => "SQLite, 1 instance", "postgres" => "PostgreSQL, 1 instance", _ => "PostgreSQL, 2 instances" };
        var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-load-{Guid.NewGuid():N}");
        PostgresScratchDatabase? database = null;
        var apps = new List<BenchmarkApp>();
        try
        {
            if (config != "sqlite")
            {
                database = await PostgresScratchDatabase.CreateAsync("selfservice_load");
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DemoData:SeedOnFirstRun"] = "true",
                ["DemoData:Scale"] = "Leeds",
                ["DirectLine:Secret"] = Secret,
                ["DirectLine:TokenSigningKey"] = "bG9hZC10ZXN0LXNpZ25pbmcta2V5LTMyLWJ5dGVzLWxvbmc=",
                ["SignIn:MaxCodesPerAddress"] = "1000",
            };
            var roots = new List<Uri>();
            for (var i = 0; i < instances; i++)
            {
                // Instances share the database and the mail folder, as they would share a relay.
                var app = new BenchmarkApp(Path.Combine(scratch, $"instance-{i}"), database?.ConnectionString,
                    new Dictionary<string, string>(settings, StringComparer.Ordinal) { ["Email:PickupDirectory"] = Path.Combine(scratch, "mail") });
                apps.Add(app);
                Console.WriteLine($"{label}: starting instance {i + 1}…");
                roots.Add(app.StartOnKestrel());
            }

            var pickup = Path.Combine(scratch, "mail");
            var parent = await PortalBenchmark.SignInAsync(roots[0], pickup, "helen.carter@example.com");
            var senco = await PortalBenchmark.SignInAsync(roots[0], pickup, "aisha.rahman@example.com");
            var samCase = await PortalBenchmark.FindSamsCaseAsync(roots[0], parent);
            Console.WriteLine($"{label}: {options.Conversations} conversations and {options.PagesPerSecond} case pages a second for {options.Duration.TotalMinutes:0.#} min…");
            return await SoakAsync(label, roots, options, [(samCase, parent), ("/cases", senco)]);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

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

    private static async Task<LoadResult> SoakAsync(string label, List<Uri> roots, LoadOptions options, (string Url, CookieContainer Cookies)[] pages)
    {
        using var stop = new CancellationTokenSource();
        var result = new LoadResult(label);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 512, UseCookies = false };
        using var http = new HttpClient(handler);
        var random = new Random(20261122);

        // Everyone connects before the clock starts: connecting is not what is measured.
        var conversations = await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(i =>
            LoadConversation.OpenAsync(http, roots, i, Secret, result)));
        var memory = Task.Run(() => SampleMemoryAsync(result, stop.Token));
        var started = Stopwatch.GetTimestamp();
        stop.CancelAfter(options.Duration);

        var chats = conversations.Select((conversation, i) => Task.Run(async () =>
        {
            var think = new Random(i);
            // Spread the first messages over one think time, as people do not all type at once.
            await Delay(TimeSpan.FromSeconds(think.NextDouble() * options.ThinkSeconds), stop.Token);
            var turn = 0;
            while (!stop.IsCancellationRequested)
            {
                await conversation.TurnAsync(http, roots[turn++ % roots.Count], Questions[(i + turn) % Questions.Length]);
                await Delay(TimeSpan.FromSeconds(options.ThinkSeconds * (0.5 + think.NextDouble())), stop.Token);
            }
        })).ToList();

        var pageViews = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / options.PagesPerSecond);
        var next = Stopwatch.GetTimestamp();
        var view = 0;
        while (!stop.IsCancellationRequested)
        {
            var (url, cookies) = pages[view % pages.Length];
            var root = roots[view % roots.Count];
            pageViews.Add(ViewPageAsync(http, root, url, cookies.GetCookieHeader(root), result));
            view++;
            next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Delay(wait, stop.Token);
            }
        }

        await Task.WhenAll(chats);
        await Task.WhenAll(pageViews);
        result.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await memory;
        foreach (var conversation in conversations)
        {
            await conversation.DisposeAsync();
        }

        return result;
    }

    private static async Task ViewPageAsync(HttpClient http, Uri root, string url, string cookie, LoadResult result)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, url));
        request.Headers.Add("Cookie", cookie);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            _ = await response.Content.ReadAsByteArrayAsync();
            result.Pages.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                result.Error($"GET {url}: {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            result.Error($"GET {url}: {e.Message}");
        }
    }

    private static async Task SampleMemoryAsync(LoadResult result, CancellationToken stop)
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            result.Memory.Add((DateTime.UtcNow, process.WorkingSet64));
            await Delay(TimeSpan.FromSeconds(1), stop);
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

    private static void Write(string path, LoadOptions options, List<string> rows, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Soak: Direct Line conversations and case pages together");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/load.sh {options.Arguments}` (Release build) on {Report.Machine}. ") +
            string.Create(CultureInfo.InvariantCulture,
            $"For {options.Duration.TotalMinutes:0.#} minutes per configuration: {options.Conversations} Direct Line conversations with the real SEND bot (anonymous users asking general questions), each with its WebSocket open, ") +
            string.Create(CultureInfo.InvariantCulture,
            $"sending a message, waiting for the reply, then thinking {options.ThinkSeconds * 0.5:F1}–{options.ThinkSeconds * 1.5:F1} s; and {options.PagesPerSecond} signed-in case pages a second (Helen Carter's view of Sam's case and Aisha Rahman's case list, alternately; each view writes an audit row), ") +
            "on the Leeds demo authority. With two instances, each conversation's stream stays on one instance while its messages alternate between both, as behind nginx. " +
            "Chat turn: POST of the message until the bot's first reply to it arrives on the stream. Errors: non-2xx responses, failed requests, and replies not arriving within 30 s. " +
            "Memory: the working set of the one process that holds the app instance(s) and the load generator, sampled each second (first minute's mean → last minute's mean, and the peak). " +
            $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
        section.AppendLine();
        section.AppendLine("| configuration | what | duration | count | throughput | p50 | p95 | p99 | errors | memory (first → last minute, peak) | p50 vs bare |");
        section.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.AppendLine();
        section.AppendLine("Targets (deployment issue): chat turn p95 under 100 ms at 200 conversations, case page p95 under 50 ms, zero errors, memory flat.");
        section.Append(End);
        Report.WriteSection(path, Start, End, section.ToString());
    }

    /// <summary>One person in Web Chat: a token, a conversation and its open stream on one instance.</summary>
    private sealed class LoadConversation : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

        // Replies that arrived before the POST's answer named their id; only the last few matter.
        private readonly ConcurrentQueue<string> _recentReplies = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly LoadResult _result;
        private Task _reading = Task.CompletedTask;
        private string _token = string.Empty;
        private string _id = string.Empty;

        private LoadConversation(LoadResult result) => _result = result;

        public static async Task<LoadConversation> OpenAsync(HttpClient http, List<Uri> roots, int index, string secret, LoadResult result)
        {
            var conversation = new LoadConversation(result);
            var home = roots[index % roots.Count];
            using var generate = new HttpRequestMessage(HttpMethod.Post, new Uri(home, "/v3/directline/tokens/generate"))
            {
                Content = JsonContent.Create(new { user = new { id = $"load-{index}-{Guid.NewGuid():N}" } }),
            };
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var generated = await http.SendAsync(generate);
            var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(home, "/v3/directline/conversations"));
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var started = await http.SendAsync(start);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            conversation._token = body.GetProperty("token").GetString()!;
            conversation._id = body.GetProperty("conversationId").GetString()!;
            var streamUrl = new Uri(body.GetProperty("streamUrl").GetString()!);
            await conversation._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{home.Port}{streamUrl.PathAndQuery}"), default);
            conversation._reading = conversation.ReadAsync();
            return conversation;
        }

        public async Task TurnAsync(HttpClient http, Uri root, string text)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(root, $"/v3/directline/conversations/{_id}/activities"))
                {
                    Content = JsonContent.Create(new { type = "message", from = new { id = "someone" }, text }),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var response = await http.SendAsync(post);
                if (!response.IsSuccessStatusCode)
                {
                    _result.Error($"POST activity: {(int)response.StatusCode}");
                    return;
                }

                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[id] = replied;
                if (_recentReplies.Contains(id))
                {
                    replied.TrySetResult();
                }

                try
                {
                    await replied.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
                finally
                {
                    _waiting.TryRemove(id, out _);
                }

                _result.Turns.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                _result.Error($"turn: {e.GetType().Name}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
            }
            catch (WebSocketException)
            {
            }

            await _reading;
            _socket.Dispose();
            _stop.Dispose();
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult received;
                    do
                    {
                        received = await _socket.ReceiveAsync(buffer, _stop.Token);
                        message.Write(buffer, 0, received.Count);
                    }
                    while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (message.Length == 0)
                    {
                        continue;
                    }

                    using var frame = JsonDocument.Parse(message.ToArray());
                    foreach (var activity in frame.RootElement.GetProperty("activities").EnumerateArray())
                    {
                        if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
                        {
                            _recentReplies.Enqueue(id);
                            while (_recentReplies.Count > 16 && _recentReplies.TryDequeue(out _))
                            {
                            }

                            if (_waiting.TryGetValue(id, out var waiter))
                            {
                                waiter.TrySetResult();
                            }
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        }
    }
}
