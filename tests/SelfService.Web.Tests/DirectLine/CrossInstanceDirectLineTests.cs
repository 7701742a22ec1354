using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SelfService.Testing;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>
/// Two app instances on one PostgreSQL case store, as behind a load balancer: a Web Chat's
/// WebSocket held by one instance sees every reply to messages posted to either.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit ends the instances through IAsyncLifetime.DisposeAsync.")]
public sealed class CrossInstanceDirectLineTests : IAsyncLifetime
{
    private PostgresScratchDatabase? _database;
    private InstanceFactory? _first;
    private InstanceFactory? _second;

    private InstanceFactory First => _first ?? throw new InvalidOperationException("Not started.");

    private InstanceFactory Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _database = await PostgresScratchDatabase.CreateAsync("selfservice_dl_two");
        var mail = Path.Combine(Path.GetTempPath(), "selfservice-two-instances", Guid.NewGuid().ToString("N"));
        _first = new InstanceFactory(_database.ConnectionString, mail);
        _second = new InstanceFactory(_database.ConnectionString, mail);

        // The first instance migrates; the second starts on the migrated schema.
        _ = _first.Server;
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Replies_to_messages_posted_to_either_instance_reach_a_stream_held_by_the_other()
    {
        using var toFirst = First.CreateClient();
        using var toSecond = Second.CreateClient();
        var (_, generated) = await DirectLineAppFactory.GenerateAsync(toFirst, "user-" + Guid.NewGuid().ToString("N")[..8]);
        var started = await SendAsync(toFirst, HttpMethod.Post, "/v3/directline/conversations", generated);
        var conversationId = started.GetProperty("conversationId").GetString()!;
        var token = started.GetProperty("token").GetString()!;

        // The stream is on the second instance; the messages go to the first, then the second, then the first.
        var streamUrl = new Uri(started.GetProperty("streamUrl").GetString()!);
        using var socket = await Second.Server.CreateWebSocketClient().ConnectAsync(new Uri(Second.Server.BaseAddress, streamUrl.PathAndQuery), default);
        var large = new string('x', 9000);
        await PostAsync(toFirst, conversationId, token, "one");
        await PostAsync(toSecond, conversationId, token, "two");
        await PostAsync(toFirst, conversationId, token, large);

        var seen = await ReceiveAsync(socket, 6);

        Assert.Equal(["one", "echo: one", "two", "echo: two", large, "echo: " + large], seen.Select(a => a.Text));
        Assert.Equal([1, 2, 3, 4, 5, 6], seen.Select(a => a.Watermark));
    }

    [Fact]
    public async Task A_session_started_on_one_instance_is_accepted_by_the_other()
    {
        var email = $"parent-{Guid.NewGuid():N}@example.com";
        using var onFirst = PortalSignIn.CreateClient(First);
        var code = await PortalSignIn.RequestCodeAsync(onFirst, new Mailbox(First.MailFolder), email);
        using var signedIn = await PortalSignIn.EnterCodeAsync(onFirst, code);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Identity.IdentityServiceCollectionExtensions.SessionCookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        using var onSecond = PortalSignIn.CreateClient(Second);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cases");
        request.Headers.Add("Cookie", session);
        using var response = await onSecond.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(email, page.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
    }

    private static Task<JsonElement> PostAsync(HttpClient client, string conversationId, string token, string text) =>
        SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, JsonSerializer.Serialize(new { type = "message", from = new { id = "someone" }, text }));

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

    /// <summary>Reads ActivitySet frames until <paramref name="count"/> activities have come, each with the frame's watermark.</summary>
    private static async Task<List<(string? Text, long Watermark)>> ReceiveAsync(WebSocket socket, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<(string?, long)>();
        var buffer = new byte[256 * 1024];
        while (seen.Count < count)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (length == 0)
            {
                continue;
            }

            var frame = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement;
            if (!frame.TryGetProperty("watermark", out _))
            {
                // Typing and other activities that are never stored carry no watermark.
                continue;
            }

            var watermark = long.Parse(frame.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var activities = frame.GetProperty("activities").EnumerateArray().ToList();
            for (var i = 0; i < activities.Count; i++)
            {
                seen.Add((activities[i].GetProperty("text").GetString(), watermark - activities.Count + 1 + i));
            }
        }

        return seen;
    }

    /// <summary>One instance: its own data directory, the shared database, and (as either may send an email) one mail folder.</summary>
    private sealed class InstanceFactory(string connectionString, string mailFolder) : DirectLineAppFactory
    {
        public string MailFolder => mailFolder;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:CaseStore", connectionString);
            builder.UseSetting("Email:PickupDirectory", mailFolder);
        }
    }
}
