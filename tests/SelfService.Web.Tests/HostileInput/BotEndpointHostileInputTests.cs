using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SelfService.Web.Bot;
using SelfService.Testing;
using SelfService.Web.Tests.Bot;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>
/// What the fuzzer found at <c>POST /api/messages</c>, kept fixed: bodies a channel would never
/// send are refused with a 400 before any turn runs, and a channel that cannot be reached does
/// not keep the request waiting for a second round of retries.
/// </summary>
public sealed class BotEndpointHostileInputTests(BotWebAppFactory factory) : IClassFixture<BotWebAppFactory>
{
    private string Activity(string conversationId, string fields = "") =>
        "{\"type\":\"message\",\"id\":\"a-1\",\"serviceUrl\":\"" + factory.Channel.ServiceUrl + "\",\"from\":{\"id\":\"user-1\"},\"recipient\":{\"id\":\"bot\"},"
        + "\"conversation\":{\"id\":\"" + conversationId + "\"},\"text\":\"hello\"" + fields + "}";

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(byte[] body, HttpClient? client = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var response = await (client ?? factory.CreateClient()).PostAsync(new Uri(BotHosting.MessagesPath, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task An_activity_without_a_channelId_is_a_400_and_runs_no_turn()
    {
        var conversation = $"conv-{Guid.NewGuid():N}";

        var (status, body) = await PostAsync(Encoding.UTF8.GetBytes(Activity(conversation)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The activity has no channelId.", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    [Fact]
    public async Task An_activity_naming_a_property_twice_is_a_400_and_runs_no_turn()
    {
        var conversation = $"conv-{Guid.NewGuid():N}";

        var (status, body) = await PostAsync(Encoding.UTF8.GetBytes(Activity(conversation, ",\"channelId\":\"emulator\",\"channelId\":\"msteams\"")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("more than once", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    [Fact]
    public async Task An_activity_that_is_not_utf8_is_a_400_and_runs_no_turn()
    {
        var conversation = $"conv-{Guid.NewGuid():N}";
        var bytes = Encoding.UTF8.GetBytes(Activity(conversation, ",\"channelId\":\"emulator\",\"locale\":\"en-GB#\"")).ToList();
        bytes[bytes.LastIndexOf((byte)'#')] = 0xFF;

        var (status, body) = await PostAsync([.. bytes]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid UTF-8.", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    public static TheoryData<string, string> UnkeepableIds => new()
    {
        { "\"channelId\":\"emulator\",\"conversation\":{\"id\":\"conv\\u0000nul\"}", "conversation.id" },
        { "\"channelId\":\"emulator\",\"conversation\":{\"id\":\"" + new string('c', 401) + "\"}", "conversation.id" },
        { "\"channelId\":\"" + new string('e', 65) + "\",\"conversation\":{\"id\":\"conv-1\"}", "channelId" },
        { "\"channelId\":\"emulator\",\"conversation\":{\"id\":\"conv-1\"},\"from\":{\"id\":\"user\\u0000\"}", "from.id" },
    };

    [Theory]
    [MemberData(nameof(UnkeepableIds))]
    public async Task Ids_the_store_cannot_keep_are_a_400_on_sqlite(string fields, string name)
    {
        var (status, body) = await PostAsync(Encoding.UTF8.GetBytes(IdActivity(fields)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith($"The activity's {name} must be at most", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_the_store_cannot_keep_are_a_400_on_postgresql_and_a_good_activity_still_runs()
    {
        await using var database = await PostgresScratchDatabase.CreateAsync("selfservice_botids");
        using var onPostgres = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Postgres");
            b.UseSetting("ConnectionStrings:CaseStore", database.ConnectionString);
        });
        using var client = onPostgres.CreateClient();
        var conversation = $"conv-{Guid.NewGuid():N}";

        foreach (var row in UnkeepableIds)
        {
            var (status, _) = await PostAsync(Encoding.UTF8.GetBytes(IdActivity((string)row[0])), client);
            Assert.Equal(HttpStatusCode.BadRequest, status);
        }

        var (good, _) = await PostAsync(Encoding.UTF8.GetBytes(IdActivity("\"channelId\":\"emulator\",\"from\":{\"id\":\"user-1\"},\"conversation\":{\"id\":\"" + conversation + "\"}")), client);
        Assert.Equal(HttpStatusCode.OK, good);
        Assert.Single(factory.Channel.ForConversation(conversation));
    }

    private string IdActivity(string fields) =>
        "{\"type\":\"message\",\"id\":\"a-1\",\"serviceUrl\":\"" + factory.Channel.ServiceUrl + "\",\"recipient\":{\"id\":\"bot\"},\"text\":\"hello\"," + fields + "}";

    [Fact]
    public async Task A_channel_that_cannot_be_reached_gets_one_round_of_attempts_and_no_apology()
    {
        // A "channel" that takes each connection and drops it: every delivery attempt fails.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        });
        using var quickRetries = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Bot:ConnectorMaxAttempts", "3");
            b.UseSetting("Bot:ConnectorRetryDelay", "00:00:00.010");
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var activity = "{\"type\":\"message\",\"id\":\"a-1\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:" + port + "/\",\"from\":{\"id\":\"user-1\"},"
            + "\"recipient\":{\"id\":\"bot\"},\"conversation\":{\"id\":\"conv-" + Guid.NewGuid().ToString("N") + "\"},\"text\":\"hello\"}";

        var (status, _) = await PostAsync(Encoding.UTF8.GetBytes(activity), quickRetries.CreateClient());
        await stop.CancelAsync();
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);

        // The turn's failure is the bot's to log; the channel hears 200 once the reply has been tried
        // three times, not three more times for an apology that could not arrive either.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, Volatile.Read(ref connections));
    }
}
