using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Connector;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.Tests.Authentication;

namespace SelfService.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private readonly RecordingTimeProvider _clock = new();
    private ChannelListener _channel = null!;
    private TokenEndpointServer _tokens = null!;
    private ServiceProvider _services = null!;

    private ConnectorClient Connector => _services.GetRequiredService<ConnectorClient>();

    public async Task InitializeAsync()
    {
        _channel = await ChannelListener.StartAsync();
        _tokens = await TokenEndpointServer.StartAsync();
        _services = Build(withAppId: true);
        _services.GetRequiredService<ITrustedServiceUrls>().Trust(_channel.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _channel.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private ServiceProvider Build(bool withAppId, bool withSecret = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:ConnectorMaxAttempts"] = "3",
            ["Bot:ConnectorRetryDelay"] = "00:00:00.010",
            ["Bot:ConnectorMaxRetryDelay"] = "00:00:05",
        };
        if (withAppId)
        {
            settings["Bot:MicrosoftAppId"] = ChannelAuthHarness.AppId;
            settings["Bot:MicrosoftAppPassword"] = withSecret ? ChannelAuthHarness.AppPassword : null;
            _tokens.AddSettings(settings);
        }

        return ChannelAuthHarness.Build(settings, environment: withAppId ? "Production" : "Development", configure: services =>
        {
            _tokens.TrustCertificate(services);
            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    private Activity Reply(string conversationId = "conv-1", string replyToId = "incoming-7") => new()
    {
        Type = ActivityTypes.Message,
        Text = "Hello from the bot",
        ServiceUrl = _channel.ServiceUrl,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "bot" },
        Recipient = new ChannelAccount { Id = "user-1" },
        ReplyToId = replyToId,
    };

    [Fact]
    public async Task A_reply_is_posted_to_the_reply_path_with_a_client_credentials_token()
    {
        var response = await Connector.ReplyToActivityAsync(Reply(), CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/uk/v3/conversations/conv-1/activities/incoming-7", request.RawTarget);
        Assert.Equal("Bearer " + _tokens.LastToken, request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Hello from the bot", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("channel-activity-1", response?.Id);

        var tokenRequest = Assert.Single(_tokens.Requests);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(ChannelAuthHarness.AppId, tokenRequest["client_id"]);
        Assert.Equal(ChannelAuthHarness.AppPassword, tokenRequest["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", tokenRequest["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_sent_to_the_conversation_path()
    {
        var activity = Reply();
        activity.ReplyToId = null;

        await Connector.SendToConversationAsync(activity, CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/uk/v3/conversations/conv-1/activities", request.RawTarget);
        Assert.StartsWith("Bearer channel-access-token-", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_and_activity_ids_are_escaped_into_the_path()
    {
        await Connector.ReplyToActivityAsync(Reply("19:abc@thread.v2;messageid=1", "1/2"), CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("/uk/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D1/activities/1%2F2", request.RawTarget);
    }

    [Fact]
    public async Task A_conversation_is_created_for_a_proactive_message()
    {
        _channel.Enqueue(201, body: """{"id":"new-conv","activityId":"act-1","serviceUrl":"ignored"}""");
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "bot" },
            Members = [new ChannelAccount { Id = "user-1" }],
            Activity = new Activity { Type = ActivityTypes.Message, Text = "Your case has moved on" },
        };

        var created = await Connector.CreateConversationAsync(_channel.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/uk/v3/conversations", request.RawTarget);
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("user-1", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("new-conv", created?.Id);
        Assert.Equal("act-1", created?.ActivityId);
    }

    [Fact]
    public async Task An_activity_is_updated_with_put_and_deleted_with_delete()
    {
        var activity = Reply();
        activity.Id = "sent-3";

        await Connector.UpdateActivityAsync(activity, CancellationToken.None);
        _channel.Enqueue(204);
        await Connector.DeleteActivityAsync(_channel.ServiceUrl, "conv-1", "sent-3", CancellationToken.None);

        Assert.Collection(
            _channel.Requests,
            put => Assert.Equal(("PUT", "/uk/v3/conversations/conv-1/activities/sent-3"), (put.Method, put.RawTarget)),
            delete => Assert.Equal(("DELETE", "/uk/v3/conversations/conv-1/activities/sent-3"), (delete.Method, delete.RawTarget)));
    }

    [Fact]
    public async Task As_the_adapters_connector_it_replies_when_the_activity_answers_one_and_sends_otherwise()
    {
        var connector = Assert.Single(_services.GetServices<IChannelConnector>());
        var newMessage = Reply();
        newMessage.ReplyToId = null;

        Assert.Equal("channel-activity-1", (await connector.SendAsync(Reply(), CancellationToken.None)).Id);
        await connector.SendAsync(newMessage, CancellationToken.None);
        await connector.DeleteAsync(
            new ConversationReference { ServiceUrl = _channel.ServiceUrl, Conversation = new ConversationAccount { Id = "conv-1" }, ActivityId = "a-1" },
            CancellationToken.None);

        Assert.Equal(
            ["POST /uk/v3/conversations/conv-1/activities/incoming-7", "POST /uk/v3/conversations/conv-1/activities", "DELETE /uk/v3/conversations/conv-1/activities/a-1"],
            _channel.Requests.Select(r => r.Method + " " + r.RawTarget));
    }

    [Fact]
    public void As_the_adapters_connector_it_claims_only_trusted_service_urls()
    {
        var connector = Assert.Single(_services.GetServices<IChannelConnector>());
        var untrusted = Reply();
        untrusted.ServiceUrl = "https://attacker.example/";

        Assert.True(connector.CanSend(Reply()));
        Assert.False(connector.CanSend(untrusted));
        Assert.False(connector.CanSend(new Activity { Type = ActivityTypes.Message }));
    }

    [Fact]
    public async Task The_token_is_cached_between_calls()
    {
        for (var i = 0; i < 3; i++)
        {
            await Connector.ReplyToActivityAsync(Reply(), CancellationToken.None);
        }

        Assert.Single(_tokens.Requests);
        Assert.All(_channel.Requests, request => Assert.Equal("Bearer " + _tokens.LastToken, request.Authorization));
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_the_channel_asks_for()
    {
        _channel.Enqueue(429, retryAfter: "1");

        var response = await Connector.ReplyToActivityAsync(Reply(), CancellationToken.None);

        Assert.Equal(2, _channel.Requests.Count);
        Assert.Equal("channel-activity-2", response?.Id);
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Waits);
        Assert.All(_channel.Requests, request => Assert.Equal("/uk/v3/conversations/conv-1/activities/incoming-7", request.RawTarget));
        Assert.Equal(_channel.Requests.First().Body, _channel.Requests.Last().Body);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_waits_and_then_given_up()
    {
        for (var i = 0; i < 5; i++)
        {
            _channel.Enqueue(500);
        }

        var error = await Assert.ThrowsAsync<ChannelRequestException>(() => Connector.ReplyToActivityAsync(Reply(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _channel.Requests.Count);
        var waits = _clock.Waits.ToArray();
        Assert.Equal(2, waits.Length);
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(12));
        Assert.InRange(waits[1], TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(24));
    }

    [Fact]
    public async Task A_service_unavailable_then_success_is_delivered_once()
    {
        _channel.Enqueue(503);

        var response = await Connector.SendToConversationAsync(Reply(), CancellationToken.None);

        Assert.Equal(2, _channel.Requests.Count);
        Assert.NotNull(response?.Id);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _channel.Enqueue(400, body: """{"error":{"code":"BadArgument","message":"no"}}""");

        var error = await Assert.ThrowsAsync<ChannelRequestException>(() => Connector.ReplyToActivityAsync(Reply(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(_channel.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task A_channel_asking_to_wait_longer_than_allowed_is_not_retried()
    {
        _channel.Enqueue(429, retryAfter: "600");

        var error = await Assert.ThrowsAsync<ChannelRequestException>(() => Connector.ReplyToActivityAsync(Reply(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_channel.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task An_untrusted_service_url_is_refused_and_nothing_is_sent()
    {
        await using var elsewhere = await ChannelListener.StartAsync();
        var activity = Reply();
        activity.ServiceUrl = elsewhere.ServiceUrl;

        var error = await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => Connector.ReplyToActivityAsync(activity, CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            Connector.CreateConversationAsync(elsewhere.ServiceUrl, new ConversationParameters(), CancellationToken.None));

        Assert.Equal(elsewhere.ServiceUrl, error.ServiceUrl);
        Assert.Empty(elsewhere.Requests);
        Assert.Empty(_channel.Requests);
        Assert.Empty(_tokens.Requests);
    }

    [Fact]
    public async Task Without_an_app_id_nothing_is_authenticated_and_no_token_is_sent()
    {
        await using var development = Build(withAppId: false);
        development.GetRequiredService<ITrustedServiceUrls>().Trust(_channel.ServiceUrl);

        await development.GetRequiredService<ConnectorClient>().ReplyToActivityAsync(Reply(), CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("", request.Authorization);
        Assert.Empty(_tokens.Requests);
    }

    [Fact]
    public async Task With_an_app_id_but_no_secret_nothing_is_sent_and_the_error_says_which_setting_is_missing()
    {
        await using var misconfigured = Build(withAppId: true, withSecret: false);
        misconfigured.GetRequiredService<ITrustedServiceUrls>().Trust(_channel.ServiceUrl);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            misconfigured.GetRequiredService<ConnectorClient>().ReplyToActivityAsync(Reply(), CancellationToken.None));

        Assert.Contains("Bot:MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
        Assert.Empty(_channel.Requests);
    }
}
