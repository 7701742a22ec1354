using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.DirectLine;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>The Direct Line REST and WebSocket calls through the real host, on one provider.</summary>
public abstract class DirectLineProtocolTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : DirectLineAppFactory
{
    private const string Base = "/v3/directline";

    [Fact]
    public async Task A_user_message_is_echoed_with_a_server_id_and_timestamp_before_the_bots_reply()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await DirectLineAppFactory.GenerateAsync(client, "parent-helen", "Helen");
        var (status, started) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations", token);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(conversationId, started.GetProperty("conversationId").GetString());
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream?t=", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);

        var (posted, id) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token,
            """{"type":"message","text":"hello","from":{"id":"someone-else"},"channelData":{"clientActivityID":"client-1"}}""");
        Assert.Equal(HttpStatusCode.OK, posted);

        var (_, page) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities?watermark=", token);
        var activities = page.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(2, activities.Count);
        var echo = activities[0];
        var reply = activities[1];
        Assert.Equal(id.GetProperty("id").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("parent-helen", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.EndsWith("Z", echo.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal("echo: hello", reply.GetProperty("text").GetString());
        Assert.Equal(echo.GetProperty("id").GetString(), reply.GetProperty("replyToId").GetString());
        Assert.Equal("parent-helen", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.True(reply.TryGetProperty("timestamp", out _));
        Assert.DoesNotContain(activities, a => a.GetProperty("type").GetString() is "typing" or "conversationUpdate");
        Assert.Equal("2", page.GetProperty("watermark").GetString());

        // The bot heard the conversation start, and the user's message from the token's user.
        Assert.Contains(factory.Bot.Received, a => a.Type == "conversationUpdate" && a.Conversation!.Id == conversationId
            && a.MembersAdded!.Any(m => m.Id == "parent-helen"));
        var heard = Assert.Single(factory.Bot.Received, a => a.Conversation!.Id == conversationId && a.Type == "message");
        Assert.Equal("parent-helen", heard.From!.Id);
        Assert.Equal("directline", heard.ChannelId);
        Assert.EndsWith("/v3/directline", heard.ServiceUrl, StringComparison.Ordinal);

        var (_, after) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities?watermark=1", token);
        Assert.Equal("echo: hello", Assert.Single(after.GetProperty("activities").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("2", after.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task Another_users_token_can_neither_read_nor_post_nor_stream()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "owner");
        var (_, intruder) = await StartAsync(client, "intruder");

        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", intruder)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", intruder, """{"type":"message","text":"x"}""")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}", intruder)).Status);
        var ws = factory.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Authorization = $"Bearer {intruder}";
        await Assert.ThrowsAnyAsync<Exception>(() => ws.ConnectAsync(new Uri(factory.Server.BaseAddress, $"{Base}/conversations/{conversationId}/stream"), default));

        var (_, own) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", token);
        Assert.Empty(own.GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task Tokens_refresh_and_an_expired_token_is_refused_with_403()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "refresher");
        var (status, refreshed) = await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var fresh = refreshed.GetProperty("token").GetString()!;
        Assert.NotEqual(token, fresh);
        Assert.Equal(1800, refreshed.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", fresh)).Status);

        var expired = factory.Services.GetRequiredService<DirectLineTokens>()
            .IssueConversationToken("refresher", null, conversationId, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromMinutes(30));
        var (refused, error) = await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/refresh", expired);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("TokenExpired", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", expired)).Status);

        // Tampering with a token breaks its signature.
        var forged = fresh[..^4] + (fresh[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", forged)).Status);
    }

    [Fact]
    public async Task Generating_a_token_needs_the_secret_and_reserved_ids_are_refused()
    {
        using var client = factory.CreateClient();
        var (_, token) = await StartAsync(client, "plain-user");
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/generate", token, "{}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/generate", null, "{}")).Status);
        var (reserved, error) = await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/generate", DirectLineAppFactory.Secret, """{"user":{"id":"dl_imposter"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, reserved);
        Assert.Equal("BadArgument", error.GetProperty("error").GetProperty("code").GetString());

        // Without a user the channel makes one up, in its reserved range.
        var (_, generated) = await CallAsync(client, HttpMethod.Post, $"{Base}/tokens/generate", DirectLineAppFactory.Secret);
        var (_, conversation) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations", generated.GetProperty("token").GetString());
        var id = conversation.GetProperty("conversationId").GetString();
        await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{id}/activities", conversation.GetProperty("token").GetString(), """{"type":"message","text":"hi"}""");
        var (_, page) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{id}/activities", conversation.GetProperty("token").GetString());
        Assert.StartsWith("dl_", page.GetProperty("activities")[0].GetProperty("from").GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":42}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"attachments\":\"not a list\"}", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"someNewKindOfActivity\",\"extra\":{\"a\":1}}", HttpStatusCode.OK)]
    public async Task Bad_activities_are_refused_with_a_4xx_and_unknown_types_are_accepted(string body, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "bad-input");
        var (status, answer) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, body);
        Assert.Equal(expected, status);
        if (expected != HttpStatusCode.OK)
        {
            Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetProperty("code").GetString()));
        }

        // The conversation still works afterwards.
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, """{"type":"message","text":"still here"}""")).Status);
    }

    [Fact]
    public async Task Oversized_bodies_unknown_conversations_bad_watermarks_and_unknown_addresses_get_direct_line_errors()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "limits");
        var huge = $$"""{"type":"message","text":"{{new string('x', 20_000)}}"}""";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, huge)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities?watermark=abc", token)).Status);
        var (missing, error) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/no-such-conversation/activities", DirectLineAppFactory.Secret);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("NotFound", error.GetProperty("error").GetProperty("code").GetString());
        var (nowhere, body) = await CallAsync(client, HttpMethod.Get, $"{Base}/no/such/endpoint", token);
        Assert.Equal(HttpStatusCode.NotFound, nowhere);
        Assert.True(body.TryGetProperty("error", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/stream", token)).Status);
    }

    [Fact]
    public async Task A_failing_bot_still_leaves_the_users_message_stored_and_answers_with_an_apology()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "unlucky");
        var (status, _) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, """{"type":"message","text":"fail"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, page) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", token);
        var texts = page.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal("fail", texts[0]);
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public async Task Uploaded_files_are_stored_and_served_only_with_a_token_for_the_conversation()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "uploader");
        var (_, intruder) = await StartAsync(client, "nosy");
        var bytes = Encoding.UTF8.GetBytes("The annual review notes.");
        using var form = new MultipartFormDataContent();
        var activityPart = new StringContent("""{"type":"message","text":"my notes","channelData":{"clientActivityID":"up-1"}}""");
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        var filePart = new ByteArrayContent(bytes);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(filePart, "file", "notes.txt");

        var (status, _) = await SendAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/upload?userId=uploader", token, form);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, page) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", token);
        var echo = page.GetProperty("activities")[0];
        var attachment = echo.GetProperty("attachments")[0];
        Assert.Equal("notes.txt", attachment.GetProperty("name").GetString());
        Assert.Equal("echo: 1 file(s): notes.txt", page.GetProperty("activities")[1].GetProperty("text").GetString());
        var url = new Uri(attachment.GetProperty("contentUrl").GetString()!);

        // The signed address works on its own (as an <img> would use it); without its token it needs a bearer token.
        Assert.Equal(bytes, await client.GetByteArrayAsync(url.PathAndQuery));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, HttpMethod.Get, url.AbsolutePath, null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, HttpMethod.Get, url.AbsolutePath, intruder)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, HttpMethod.Get, url.AbsolutePath, token)).Status);

        using var wrongType = new MultipartFormDataContent();
        var html = new StringContent("<script>alert(1)</script>");
        html.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        wrongType.Add(html, "file", "page.html");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/upload?userId=uploader", token, wrongType)).Status);

        using var tooBig = new MultipartFormDataContent();
        var big = new ByteArrayContent(new byte[70_000]);
        big.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        tooBig.Add(big, "file", "big.png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/upload?userId=uploader", token, tooBig)).Status);
    }

    [Fact]
    public async Task The_stream_replays_what_was_said_before_it_opened_then_delivers_typing_and_replies_and_ignores_client_garbage()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client, "streamer");
        await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, """{"type":"message","text":"before"}""");
        var (_, connection) = await CallAsync(client, HttpMethod.Get, $"{Base}/conversations/{conversationId}?watermark=", token);
        var streamUrl = new Uri(connection.GetProperty("streamUrl").GetString()!);

        using var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(factory.Server.BaseAddress, streamUrl.PathAndQuery), default);
        var replay = await ReceiveSetAsync(socket);
        Assert.Equal(["before", "echo: before"], replay.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("2", replay.GetProperty("watermark").GetString());

        // Keep-alive pings and garbage from the client are ignored.
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, default);
        await socket.SendAsync("{not json at all"u8.ToArray(), WebSocketMessageType.Text, true, default);
        await socket.SendAsync(new byte[] { 0, 1, 2, 255 }, WebSocketMessageType.Binary, true, default);

        await CallAsync(client, HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, """{"type":"message","text":"after"}""");
        var seen = new List<JsonElement>();
        while (!seen.Any(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("text").GetString() == "echo: after"))
        {
            seen.AddRange((await ReceiveSetAsync(socket)).GetProperty("activities").EnumerateArray());
        }

        Assert.Equal(["message", "typing", "message"], seen.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("after", seen[0].GetProperty("text").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, default);
    }

    private static async Task<JsonElement> ReceiveSetAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, default);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            // Empty frames are the server's keep-alive.
            if (message.Length > 0)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client, string user)
    {
        var (_, token) = await DirectLineAppFactory.GenerateAsync(client, user + "-" + Guid.NewGuid().ToString("N")[..6]);
        var (_, started) = await CallAsync(client, HttpMethod.Post, $"{Base}/conversations", token);
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpClient client, HttpMethod method, string path, string? token, string? json = null) =>
        SendAsync(client, method, path, token, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response.StatusCode, body);
    }
}

public sealed class SqliteDirectLineProtocolTests(DirectLineAppFactory factory) : DirectLineProtocolTests<DirectLineAppFactory>(factory);

public sealed class PostgresDirectLineProtocolTests(PostgresDirectLineAppFactory factory) : DirectLineProtocolTests<PostgresDirectLineAppFactory>(factory);
