using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Testing;

namespace SelfService.Benchmarks.DirectLine;

/// <summary>
/// Turn throughput and latency of the Direct Line channel: the real app on Kestrel (loopback),
/// an echo bot, N conversations each with its WebSocket open, every conversation sending its
/// next message as soon as the reply to the last one arrives. Latency is from the POST leaving
/// to the bot's reply arriving on the stream.
/// </summary>
internal static class DirectLineBenchmark
{
    private const string Secret = "benchmark-secret";
    private const string Start = "<!-- directline:start -->";
    private const string End = "<!-- directline:end -->";

    // Conversations, turns each: about the same amount of work at every size.
    private static readonly (int Conversations, int Turns)[] Sizes = [(1, 200), (50, 8), (200, 3)];

    public static async Task<int> RunAsync(string output)
    {
        var loadBefore = Report.LoadAverage();
        BenchmarkApp.UseContentRootFromRepository();
        var rows = new List<string>();
        var scratch = Path.Combine(Path.GetTempPath(), $"selfservice-dl-bench-{Guid.NewGuid():N}");
        try
        {
            rows.AddRange(await MeasureAsync("SQLite", scratch, connectionString: null));
            if (PostgresScratchDatabase.Server is not null)
            {
                await using var database = await PostgresScratchDatabase.CreateAsync("selfservice_dlbench");
                rows.AddRange(await MeasureAsync("PostgreSQL", scratch + "-pg", database.ConnectionString));
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
        return 0;
    }

    private static async Task<List<string>> MeasureAsync(string label, string dataDirectory, string? connectionString)
    {
        using var app = new BenchmarkApp(
            dataDirectory,
            connectionString,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["DemoData:SeedOnFirstRun"] = "false", ["DirectLine:Secret"] = Secret },
            services => services.AddSingleton<IBot, EchoBot>());
        var root = app.StartOnKestrel();
        using var http = new HttpClient { BaseAddress = root };

        var rows = new List<string>();
        await RunSizeAsync(http, root, 10, 3); // warm-up: JIT, connection pools, database caches
        foreach (var (conversations, turns) in Sizes)
        {
            Console.WriteLine($"{label}: {conversations} conversation(s) × {turns} turns…");
            var (latencies, seconds) = await RunSizeAsync(http, root, conversations, turns);
            latencies.Sort();
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {conversations} | {latencies.Count} | {latencies.Count / seconds:F0} turns/s | {Measure.Percentile(latencies, 50):F1} ms | {Measure.Percentile(latencies, 95):F1} ms |"));
        }

        return rows;
    }

    private static async Task<(List<double> Latencies, double Seconds)> RunSizeAsync(HttpClient http, Uri root, int conversations, int turns)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => Conversation.OpenAsync(http, root, $"bench-{Guid.NewGuid():N}")));
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var turn = 0; turn < turns; turn++)
            {
                latencies.Add(await client.TurnAsync(http, $"message {turn}"));
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return ([.. latencies], seconds);
    }

    private static void Write(string path, List<string> rows, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine("## Direct Line channel: turns through the web app");
        section.AppendLine();
        section.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `bash scripts/benchmark-directline.sh` (Release build) on {Report.Machine}. ") +
            "The real app on Kestrel (loopback) with an echo bot; every conversation has its WebSocket open and sends its next message when the reply to the last one arrives. " +
            "Latency: POST of the user's message until the bot's reply arrives on the stream (the echo, the turn, two stored activities). The load generator runs in the same process, on the same cores. " +
            $"Load average (1, 5, 15 min) before the run: {loadBefore}; after: {loadAfter}.");
        section.AppendLine();
        section.AppendLine("| database | conversations | turns | throughput | p50 | p95 |");
        section.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.Append(End);
        Report.WriteSection(path, Start, End, section.ToString());
    }

    /// <summary>One user: a token, a started conversation and its open stream.</summary>
    private sealed class Conversation : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new();
        private Task _reading = Task.CompletedTask;
        private string _token = string.Empty;
        private string _id = string.Empty;

        public static async Task<Conversation> OpenAsync(HttpClient http, Uri root, string userId)
        {
            var conversation = new Conversation();
            using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = JsonContent.Create(new { user = new { id = userId } }) };
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            using var generated = await http.SendAsync(generate);
            var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var started = await http.SendAsync(start);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            conversation._token = body.GetProperty("token").GetString()!;
            conversation._id = body.GetProperty("conversationId").GetString()!;
            var streamUrl = new Uri(body.GetProperty("streamUrl").GetString()!);
            await conversation._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{root.Port}{streamUrl.PathAndQuery}"), default);
            conversation._reading = conversation.ReadAsync();
            return conversation;
        }

        public async Task<double> TurnAsync(HttpClient http, string text)
        {
            var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[$"echo: {text}"] = replied;
            var started = Stopwatch.GetTimestamp();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_id}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await http.SendAsync(post);
            response.EnsureSuccessStatusCode();
            await replied.Task.WaitAsync(TimeSpan.FromMinutes(2));
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
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
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, _stop.Token);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
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
                        if (activity.TryGetProperty("text", out var text) && text.GetString() is { } value && _waiting.TryRemove(value, out var waiter))
                        {
                            waiter.TrySetResult();
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    private sealed class EchoBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(turnContext.Activity.CreateReply($"echo: {turnContext.Activity.Text}"), cancellationToken);
            }
        }
    }
}
