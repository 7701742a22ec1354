using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Authentication;

namespace SelfService.BotFramework.Tests.Authentication;

public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://webchat.botframework.com/";

    private ChannelIdentityServer _identity = null!;

    public async Task InitializeAsync() => _identity = await ChannelIdentityServer.StartAsync();

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task Keys_are_fetched_once_and_then_served_from_the_cache()
    {
        var key = _identity.Publish("key-1");
        using var services = ChannelAuthHarness.Build(ChannelAuthHarness.Settings(_identity));
        var validator = services.GetRequiredService<ChannelTokenValidator>();

        for (var i = 0; i < 3; i++)
        {
            var outcome = await validator.ValidateAsync("Bearer " + Token(key), ServiceUrl, "webchat", CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Reason);
        }

        Assert.Equal(1, _identity.JwksRequests);
    }

    [Fact]
    public async Task A_key_rotated_in_after_the_keys_were_cached_is_fetched_when_a_token_names_it()
    {
        var oldKey = _identity.Publish("key-old");
        using var services = ChannelAuthHarness.Build(ChannelAuthHarness.Settings(_identity));
        var validator = services.GetRequiredService<ChannelTokenValidator>();
        Assert.True((await validator.ValidateAsync("Bearer " + Token(oldKey), ServiceUrl, "webchat", CancellationToken.None)).Succeeded);
        Assert.Equal(1, _identity.JwksRequests);

        var newKey = _identity.Publish("key-new", "webchat");
        var outcome = await validator.ValidateAsync("Bearer " + Token(newKey), ServiceUrl, "webchat", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.True(_identity.JwksRequests >= 2);
        // The refreshed keys, endorsements included, are what later requests use.
        var wrongChannel = await validator.ValidateAsync("Bearer " + Token(newKey), ServiceUrl, "msteams", CancellationToken.None);
        Assert.Equal(403, wrongChannel.StatusCode);
    }

    [Fact]
    public async Task Unknown_key_ids_cannot_make_the_bot_fetch_keys_more_than_once_per_interval()
    {
        var key = _identity.Publish("key-1");
        using var services = ChannelAuthHarness.Build(ChannelAuthHarness.Settings(_identity, minimumRefresh: TimeSpan.FromHours(1)));
        var validator = services.GetRequiredService<ChannelTokenValidator>();
        Assert.True((await validator.ValidateAsync("Bearer " + Token(key), ServiceUrl, "webchat", CancellationToken.None)).Succeeded);

        using var first = ChannelIdentityServer.Unpublished("forged-1");
        Assert.Equal(401, (await validator.ValidateAsync("Bearer " + Token(first), ServiceUrl, "webchat", CancellationToken.None)).StatusCode);
        var afterFirstUnknown = _identity.JwksRequests;
        Assert.Equal(2, afterFirstUnknown);

        for (var i = 0; i < 5; i++)
        {
            using var forged = ChannelIdentityServer.Unpublished("forged-more-" + i);
            Assert.Equal(401, (await validator.ValidateAsync("Bearer " + Token(forged), ServiceUrl, "webchat", CancellationToken.None)).StatusCode);
        }

        Assert.Equal(afterFirstUnknown, _identity.JwksRequests);
    }

    [Fact]
    public void Cached_keys_are_fetched_again_unprompted_within_a_day()
    {
        using var services = ChannelAuthHarness.Build(ChannelAuthHarness.Settings(_identity));

        var interval = services.GetRequiredService<ChannelSigningKeys>().AutomaticRefreshInterval;

        // The metadata manager adds up to 5% jitter on top.
        Assert.InRange(interval * 1.05, TimeSpan.FromMinutes(5), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task When_the_keys_cannot_be_fetched_requests_are_refused_not_failed()
    {
        var key = _identity.Publish("key-1");
        var settings = ChannelAuthHarness.Settings(_identity);
        // A loopback port nothing listens on.
        settings["Bot:ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration";
        using var services = ChannelAuthHarness.Build(settings);

        var outcome = await services.GetRequiredService<ChannelTokenValidator>()
            .ValidateAsync("Bearer " + Token(key), ServiceUrl, "webchat", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("could not be fetched", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24:00:00")]
    [InlineData("2.00:00:00")]
    public void Keys_may_not_be_kept_longer_than_a_day(string interval)
    {
        var settings = ChannelAuthHarness.Settings(_identity);
        settings["Bot:SigningKeyRefreshInterval"] = interval;
        using var services = ChannelAuthHarness.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
        Assert.Contains("SigningKeyRefreshInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_key_metadata_must_come_over_https_unless_on_loopback()
    {
        var settings = ChannelAuthHarness.Settings(_identity);
        settings["Bot:ToBotFromChannelOpenIdMetadataUrl"] = "http://login.botframework.com/v1/.well-known/openidconfiguration";
        using var services = ChannelAuthHarness.Build(settings);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
    }

    private static string Token(SigningKey key) =>
        ChannelIdentityServer.CreateToken(key, ChannelAuthHarness.AppId, ServiceUrl);
}
