using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.DirectLine;
using SelfService.BotFramework.Schema;
using SelfService.Data.Bot;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>Restarts, proactive messages and the retention purge, through the real host.</summary>
public sealed class DirectLineLifecycleTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "selfservice-dl-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task After_a_restart_a_client_resumes_from_its_watermark_and_idle_conversations_are_purged_in_the_background()
    {
        string conversationId, token, idleId;
        using (var before = new SharedDataFactory(_dataDirectory))
        {
            using var client = before.CreateClient();
            (conversationId, token) = await StartAsync(client);
            await PostAsync(client, conversationId, token, "before the restart");
            (idleId, _) = await StartAsync(client);

            // Make one conversation look untouched for a year, straight in the store.
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelfService.Data.CaseStoreDbContext>();
            await db.Set<DirectLineConversationRecord>().Where(c => c.Id == idleId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAtUtc, DateTime.UtcNow.AddDays(-365)));
        }

        using var after = new SharedDataFactory(_dataDirectory);
        using var restarted = after.CreateClient();

        // The same token still works (same signing key), and the watermark carries on where it was.
        var page = await GetAsync(restarted, conversationId, token, "1");
        Assert.Equal(["echo: before the restart"], page.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        await PostAsync(restarted, conversationId, token, "after the restart");
        var next = await GetAsync(restarted, conversationId, token, page.GetProperty("watermark").GetString()!);
        Assert.Equal(["after the restart", "echo: after the restart"], next.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.EndsWith("|0000004", next.GetProperty("activities")[1].GetProperty("id").GetString(), StringComparison.Ordinal);

        // The purge runs when the host starts; wait for it rather than assume how long it takes.
        var store = after.Services.GetRequiredService<IServiceScopeFactory>();
        DirectLineConversation? idle;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        do
        {
            await Task.Delay(50);
            await using var scope = store.CreateAsyncScope();
            idle = await scope.ServiceProvider.GetRequiredService<IDirectLineStore>().FindConversationAsync(idleId, default);
        }
        while (idle is not null && DateTime.UtcNow < deadline);

        Assert.Null(idle);
        await using (var scope = store.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IDirectLineStore>().FindConversationAsync(conversationId, default));
        }

        Assert.Equal(0, await after.Services.GetRequiredService<DirectLineRetention>().PurgeOnceAsync(default));
    }

    [Fact]
    public async Task A_proactive_message_reaches_an_open_stream_or_waits_for_the_next_poll()
    {
        using var factory = new SharedDataFactory(_dataDirectory);
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        var adapter = factory.Services.GetRequiredService<CloudAdapterBase>();
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = "http://localhost/v3/directline",
            Conversation = new ConversationAccount(conversationId),
            Bot = new ChannelAccount("selfservice-bot"),
        };

        // Nobody is connected: the message waits in the transcript.
        await adapter.ContinueConversationAsync("bot", reference, (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("Your case has moved on."), ct), default);
        var page = await GetAsync(client, conversationId, token, string.Empty);
        Assert.Equal("Your case has moved on.", page.GetProperty("activities")[0].GetProperty("text").GetString());

        // Connected: it arrives on the stream.
        var connection = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        var streamUrl = new Uri(connection.GetProperty("streamUrl").GetString()!);
        using var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(factory.Server.BaseAddress, streamUrl.PathAndQuery), default);
        await adapter.ContinueConversationAsync("bot", reference, (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("A second update."), ct), default);
        var frame = await ReceiveSetAsync(socket);
        Assert.Equal("A second update.", frame.GetProperty("activities")[0].GetProperty("text").GetString());
        Assert.Equal("2", frame.GetProperty("watermark").GetString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        var (_, generated) = await DirectLineAppFactory.GenerateAsync(client, "user-" + Guid.NewGuid().ToString("N")[..8]);
        var started = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", generated);
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    private static Task<JsonElement> PostAsync(HttpClient client, string conversationId, string token, string text) =>
        SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, JsonSerializer.Serialize(new { type = "message", text }));

    private static Task<JsonElement> GetAsync(HttpClient client, string conversationId, string token, string watermark) =>
        SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ReceiveSetAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, default);
            if (result.Count > 0)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
            }
        }
    }

    /// <summary>Two hosts in turn on one data directory: a restart.</summary>
    private sealed class SharedDataFactory(string dataDirectory) : DirectLineAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(SelfService.Web.Hosting.AppPaths.DataDirectoryKey, dataDirectory);
        }
    }
}
