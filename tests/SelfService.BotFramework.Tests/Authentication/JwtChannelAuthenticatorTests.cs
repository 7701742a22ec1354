using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Authentication;

public sealed class JwtChannelAuthenticatorTests(ChannelIdentityFixture fixture) : IClassFixture<ChannelIdentityFixture>, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private readonly ServiceProvider _services = ChannelAuthHarness.Build(ChannelAuthHarness.Settings(fixture.Identity));

    private IChannelAuthenticator Authenticator => _services.GetRequiredService<IChannelAuthenticator>();

    private ITrustedServiceUrls Trusted => _services.GetRequiredService<ITrustedServiceUrls>();

    private static Activity Incoming(string serviceUrl = ServiceUrl, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "conv-1" },
        Text = "hello",
    };

    [Fact]
    public async Task An_authenticated_request_makes_its_service_url_trusted()
    {
        var token = ChannelIdentityServer.CreateToken(fixture.TeamsKey, ChannelAuthHarness.AppId, ServiceUrl);
        Assert.False(Trusted.IsTrusted(ServiceUrl));

        var outcome = await Authenticator.AuthenticateAsync("Bearer " + token, Incoming(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.True(outcome.Identity!.IsAuthenticated);
        Assert.True(Trusted.IsTrusted(ServiceUrl));
    }

    [Fact]
    public async Task A_rejected_request_trusts_nothing()
    {
        const string attacker = "https://attacker.example/";
        var token = ChannelIdentityServer.CreateToken(fixture.TeamsKey, ChannelAuthHarness.AppId, ServiceUrl);

        var forbidden = await Authenticator.AuthenticateAsync("Bearer " + token, Incoming(attacker), CancellationToken.None);
        var unauthorised = await Authenticator.AuthenticateAsync("Bearer forged", Incoming(attacker), CancellationToken.None);

        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal(401, unauthorised.StatusCode);
        Assert.False(Trusted.IsTrusted(attacker));
        Assert.False(Trusted.IsTrusted(ServiceUrl));
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_forbidden()
    {
        var token = ChannelIdentityServer.CreateToken(fixture.TeamsKey, ChannelAuthHarness.AppId, ServiceUrl);

        var outcome = await Authenticator.AuthenticateAsync("Bearer " + token, Incoming(channelId: "webchat"), CancellationToken.None);

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("endorsed", outcome.FailureReason, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
