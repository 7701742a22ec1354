using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Integration;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.Tests.Builder;

namespace SelfService.BotFramework.Tests.Integration;

public sealed class BotFrameworkHttpAdapterTests
{
    private const string ValidMessage = """
        {"type":"message","id":"a1","channelId":"test","serviceUrl":"https://channel.example/",
         "from":{"id":"user-1"},"recipient":{"id":"bot-1"},"conversation":{"id":"conv-1"},"text":"hi"}
        """;

    private sealed class FixedAuthenticator(AuthenticationOutcome outcome) : IChannelAuthenticator
    {
        public string? SeenHeader { get; private set; }

        public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
        {
            SeenHeader = authorizationHeader;
            return Task.FromResult(outcome);
        }
    }

    private sealed class CountingBot : ActivityHandler
    {
        public int Turns { get; private set; }

        public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Turns++;
            return base.OnTurnAsync(turnContext, cancellationToken);
        }

        protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Task.FromResult(new InvokeResponse(200, new { pong = true }));
    }

    private static BotFrameworkHttpAdapter Adapter(IChannelAuthenticator authenticator, ITrustedServiceUrls trusted, int maxBytes = 256 * 1024) =>
        new(authenticator, trusted, [new RecordingConnector(Channels.Test)], [],
            Options.Create(new BotFrameworkOptions { MaxActivityBytes = maxBytes }), NullLogger<BotFrameworkHttpAdapter>.Instance);

    private static async Task<(int Status, string Body, HttpResponse Response)> Post(
        BotFrameworkHttpAdapter adapter, IBot bot, string body, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await adapter.ProcessAsync(context.Request, context.Response, bot, default);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()), context.Response);
    }

    private static readonly AuthenticationOutcome Allowed = AuthenticationOutcome.Success(new ClaimsIdentity([], "test"));

    [Fact]
    public async Task An_authenticated_activity_runs_a_turn_and_trusts_its_service_url()
    {
        var trusted = new TrustedServiceUrls();
        var authenticator = new FixedAuthenticator(Allowed);
        var bot = new CountingBot();

        var (status, _, _) = await Post(Adapter(authenticator, trusted), bot, ValidMessage, "Bearer abc");

        Assert.Equal(200, status);
        Assert.Equal(1, bot.Turns);
        Assert.Equal("Bearer abc", authenticator.SeenHeader);
        Assert.True(trusted.IsTrusted("https://channel.example/"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_request_runs_no_turn_and_trusts_nothing(int refusal)
    {
        var trusted = new TrustedServiceUrls();
        var outcome = refusal == 401 ? AuthenticationOutcome.Unauthorized("no token") : AuthenticationOutcome.Forbidden("wrong audience");
        var bot = new CountingBot();

        var (status, body, response) = await Post(Adapter(new FixedAuthenticator(outcome), trusted), bot, ValidMessage);

        Assert.Equal(refusal, status);
        Assert.Equal(0, bot.Turns);
        Assert.False(trusted.IsTrusted("https://channel.example/"));
        Assert.Equal(refusal == 401 ? "Unauthorized" : "Forbidden", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(refusal == 401 ? "Bearer" : string.Empty, response.Headers.WWWAuthenticate.ToString());
        Assert.DoesNotContain("wrong audience", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not a JSON activity")]
    [InlineData("[]", "not a JSON activity")]
    [InlineData("null", "not a JSON activity")]
    [InlineData("""{"type":5,"conversation":{"id":"c"}}""", "not a JSON activity")]
    [InlineData("""{"conversation":{"id":"c"}}""", "no type")]
    [InlineData("""{"type":"message"}""", "no conversation id")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"file:///etc/passwd"}""", "serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"timestamp":"yesterday"}""", "not a JSON activity")]
    public async Task A_body_that_is_not_a_usable_activity_is_refused_with_400(string body, string expected)
    {
        var bot = new CountingBot();

        var (status, response, _) = await Post(Adapter(new FixedAuthenticator(Allowed), new TrustedServiceUrls()), bot, body);

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(response).RootElement.GetProperty("error");
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Turns);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_parsed()
    {
        var bot = new CountingBot();
        var big = ValidMessage.Replace("\"hi\"", $"\"{new string('x', 2048)}\"", StringComparison.Ordinal);

        var (status, body, _) = await Post(Adapter(new FixedAuthenticator(Allowed), new TrustedServiceUrls(), maxBytes: 1024), bot, big);

        Assert.Equal(413, status);
        Assert.Contains("MessageSizeTooBig", body, StringComparison.Ordinal);
        Assert.Equal(0, bot.Turns);
    }

    [Fact]
    public async Task An_invoke_is_answered_on_the_same_request()
    {
        var invoke = ValidMessage.Replace("\"message\"", "\"invoke\"", StringComparison.Ordinal);

        var (status, body, _) = await Post(Adapter(new FixedAuthenticator(Allowed), new TrustedServiceUrls()), new CountingBot(), invoke);

        Assert.Equal(200, status);
        Assert.Equal("""{"pong":true}""", body);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_accepted()
    {
        var bot = new CountingBot();
        var unknown = ValidMessage.Replace("\"message\"", "\"hologram\"", StringComparison.Ordinal);

        var (status, body, _) = await Post(Adapter(new FixedAuthenticator(Allowed), new TrustedServiceUrls()), bot, unknown);

        Assert.Equal(200, status);
        Assert.Empty(body);
        Assert.Equal(1, bot.Turns);
    }

    [Fact]
    public async Task The_development_authenticator_lets_anything_through_as_anonymous()
    {
        var outcome = await new DevelopmentChannelAuthenticator().AuthenticateAsync(null, new Activity(), default);

        Assert.True(outcome.Succeeded);
        Assert.Equal(DevelopmentChannelAuthenticator.AnonymousAuthenticationType, outcome.Identity!.AuthenticationType);
    }
}
