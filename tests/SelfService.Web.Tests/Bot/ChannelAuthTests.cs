using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.Tests.Authentication;
using SelfService.BotFramework.Tests.Connector;
using SelfService.Web.Bot;

namespace SelfService.Web.Tests.Bot;

public sealed class ChannelAuthFixture : IAsyncLifetime
{
    public ChannelAuthWebAppFactory Factory { get; } = new();

    public async Task InitializeAsync() => await Factory.StartServersAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// <c>POST /api/messages</c> through the real host with an App ID: only a correctly signed channel
/// token runs a turn, and the bot's reply then reaches the channel at the activity's serviceUrl
/// with the bot's own client-credentials token. Every other request is refused before any turn.
/// </summary>
public sealed class ChannelAuthTests(ChannelAuthFixture fixture) : IClassFixture<ChannelAuthFixture>, IAsyncLifetime
{
    private readonly string _conversationId = "conv-" + Guid.NewGuid().ToString("N");
    private ChannelListener _channel = null!;

    private ChannelAuthWebAppFactory Factory => fixture.Factory;

    public async Task InitializeAsync() => _channel = await ChannelListener.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task A_correctly_signed_channel_request_runs_the_turn_and_the_reply_reaches_the_channel()
    {
        var response = await PostAsync(Activity(), "Bearer " + Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(TurnsInThisConversation());
        Assert.Equal("hello", turn.Text);

        var first = Assert.Single(_channel.Requests);
        Assert.Equal("POST", first.Method);
        Assert.Equal($"/uk/v3/conversations/{_conversationId}/activities/incoming-1", first.RawTarget);
        Assert.Equal("Bearer " + Factory.Tokens.LastToken, first.Authorization);
        using var reply = JsonDocument.Parse(first.Body);
        Assert.Equal("echo: hello", reply.RootElement.GetProperty("text").GetString());
        Assert.Equal("incoming-1", reply.RootElement.GetProperty("replyToId").GetString());
        Assert.Equal("user-1", reply.RootElement.GetProperty("recipient").GetProperty("id").GetString());

        Assert.Contains(Factory.Tokens.Requests, form =>
            form["grant_type"] == "client_credentials"
            && form["client_id"] == ChannelAuthWebAppFactory.AppId
            && form["client_secret"] == ChannelAuthWebAppFactory.AppPassword
            && form["scope"].Contains("https://api.botframework.com/.default", StringComparison.Ordinal));
    }

    public static TheoryData<string, int> WrongTokens => new()
    {
        { "wrong issuer", 401 },
        { "wrong audience", 401 },
        { "expired", 401 },
        { "not yet valid", 401 },
        { "signed with another key", 401 },
        { "unknown key id", 401 },
        { "garbled", 401 },
        { "wrong scheme", 401 },
        { "no header", 401 },
        { "service url mismatch", 403 },
        { "key not endorsed for the channel", 403 },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task A_wrong_token_is_refused_and_no_turn_runs(string wrong, int expectedStatus)
    {
        var activity = Activity(channelId: wrong == "key not endorsed for the channel" ? "webchat" : "msteams");
        var now = DateTime.UtcNow;
        using var stranger = ChannelIdentityServer.Unpublished("unpublished-key");
        using var forger = ChannelIdentityServer.Unpublished(Factory.TeamsKey.SecurityKey.KeyId);
        var header = wrong switch
        {
            "wrong issuer" => "Bearer " + Token(issuer: "https://login.microsoftonline.com/attacker/v2.0"),
            "wrong audience" => "Bearer " + Token(audience: "another-bot"),
            "expired" => "Bearer " + Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "not yet valid" => "Bearer " + Token(notBefore: now.AddMinutes(10), expires: now.AddHours(1)),
            "signed with another key" => "Bearer " + Token(key: forger),
            "unknown key id" => "Bearer " + Token(key: stranger),
            "garbled" => "Bearer eyJhbGciOiJSUzI1NiJ9.not-json.AAAA",
            "wrong scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")),
            "no header" => null,
            "service url mismatch" => "Bearer " + Token(serviceUrl: "https://smba.trafficmanager.net/uk/"),
            "key not endorsed for the channel" => "Bearer " + Token(),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        var response = await PostAsync(activity, header);

        Assert.Equal((HttpStatusCode)expectedStatus, response.StatusCode);
        if (expectedStatus == 401)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.Empty(TurnsInThisConversation());
        Assert.Empty(_channel.Requests);
        Assert.False(Factory.Services.GetRequiredService<ITrustedServiceUrls>().IsTrusted(_channel.ServiceUrl));
    }

    [Fact]
    public async Task A_refused_service_url_stays_untrusted_even_for_proactive_messages()
    {
        await PostAsync(Activity(), "Bearer " + Token(serviceUrl: "https://smba.trafficmanager.net/uk/"));
        var adapter = Factory.Services.GetRequiredService<CloudAdapterBase>();
        var outgoing = MessageFactory.Text("proactive");
        outgoing.ServiceUrl = _channel.ServiceUrl;
        outgoing.ChannelId = "msteams";
        outgoing.Conversation = new ConversationAccount { Id = _conversationId };

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            adapter.SendActivitiesAsync(null!, [outgoing], CancellationToken.None));

        Assert.Empty(_channel.Requests);
    }

    private IEnumerable<Activity> TurnsInThisConversation() =>
        Factory.Turns.Where(a => a.Conversation?.Id == _conversationId);

    private Activity Activity(string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = channelId,
        ServiceUrl = _channel.ServiceUrl,
        Conversation = new ConversationAccount { Id = _conversationId },
        From = new ChannelAccount { Id = "user-1", Name = "Helen" },
        Recipient = new ChannelAccount { Id = "bot-1", Name = "SEND Self-Service" },
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "en-GB",
        Text = "hello",
    };

    private string Token(
        SigningKey? key = null,
        string audience = ChannelAuthWebAppFactory.AppId,
        string? serviceUrl = null,
        string issuer = ChannelIdentityServer.Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null) =>
        ChannelIdentityServer.CreateToken(key ?? Factory.TeamsKey, audience, serviceUrl ?? _channel.ServiceUrl, issuer, notBefore, expires);

    private async Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHosting.MessagesPath)
        {
            Content = new StringContent(JsonSerializer.Serialize(activity, BotJson.Options), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }
}
