using SelfService.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.BotFramework.Tests.Authentication;

public sealed class ChannelIdentityFixture : IAsyncLifetime
{
    public ChannelIdentityServer Identity { get; private set; } = null!;

    public SigningKey Key { get; private set; } = null!;

    public SigningKey TeamsKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await ChannelIdentityServer.StartAsync();
        Key = Identity.Publish("key-unendorsed");
        TeamsKey = Identity.Publish("key-teams", "msteams", "skype");
    }

    public async Task DisposeAsync() => await Identity.DisposeAsync();
}

public sealed class ChannelTokenValidatorTests(ChannelIdentityFixture fixture) : IClassFixture<ChannelIdentityFixture>, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";
    private const string ChannelId = "msteams";

    private readonly CapturingLoggerProvider _logs = new();
    private ServiceProvider? _services;

    private ChannelTokenValidator Validator
    {
        get
        {
            _services ??= ChannelAuthHarness.Build(ChannelAuthHarness.Settings(fixture.Identity), logs: _logs);
            return _services.GetRequiredService<ChannelTokenValidator>();
        }
    }

    private Task<ChannelAuthenticationOutcome> Validate(string? header, string? serviceUrl = ServiceUrl, string? channelId = ChannelId) =>
        Validator.ValidateAsync(header, serviceUrl, channelId, CancellationToken.None);

    private string Token(
        SigningKey? key = null,
        string audience = ChannelAuthHarness.AppId,
        string? serviceUrl = ServiceUrl,
        string issuer = ChannelIdentityServer.Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null) =>
        ChannelIdentityServer.CreateToken(key ?? fixture.TeamsKey, audience, serviceUrl, issuer, notBefore, expires);

    [Fact]
    public async Task A_correctly_signed_channel_token_is_accepted()
    {
        var outcome = await Validate("Bearer " + Token());

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(200, outcome.StatusCode);
        Assert.True(outcome.Identity!.IsAuthenticated);
        Assert.Equal(ServiceUrl, outcome.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(ChannelAuthHarness.AppId, outcome.Identity.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task The_scheme_is_case_insensitive_as_http_says()
    {
        var outcome = await Validate("bearer " + Token());

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task A_key_without_endorsements_may_sign_for_any_channel()
    {
        var outcome = await Validate("Bearer " + Token(fixture.Key), channelId: "webchat");

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var now = DateTime.UtcNow;
        var outcome = await Validate("Bearer " + Token(notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_unauthorised()
    {
        var outcome = await Validate("Bearer " + Token(issuer: "https://sts.windows.net/evil/"));

        AssertRejected(outcome, 401, "issuer");
    }

    [Fact]
    public async Task A_token_for_another_bot_is_unauthorised()
    {
        var outcome = await Validate("Bearer " + Token(audience: "some-other-bot"));

        AssertRejected(outcome, 401, "audience");
    }

    [Fact]
    public async Task An_expired_token_is_unauthorised()
    {
        var now = DateTime.UtcNow;
        var outcome = await Validate("Bearer " + Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)));

        AssertRejected(outcome, 401, "expired");
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_unauthorised()
    {
        var now = DateTime.UtcNow;
        var outcome = await Validate("Bearer " + Token(notBefore: now.AddMinutes(10), expires: now.AddHours(1)));

        AssertRejected(outcome, 401, "not yet valid");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_a_published_key_id_is_unauthorised()
    {
        using var forger = ChannelIdentityServer.Unpublished(fixture.TeamsKey.SecurityKey.KeyId);

        var outcome = await Validate("Bearer " + Token(forger));

        AssertRejected(outcome, 401, "signature");
    }

    [Fact]
    public async Task A_token_naming_an_unknown_key_is_unauthorised()
    {
        using var stranger = ChannelIdentityServer.Unpublished("key-nobody-published");

        var outcome = await Validate("Bearer " + Token(stranger));

        AssertRejected(outcome, 401, "unknown signing key");
    }

    [Fact]
    public async Task A_valid_token_for_another_service_url_is_forbidden()
    {
        var outcome = await Validate("Bearer " + Token(serviceUrl: "https://attacker.example/"));

        AssertRejected(outcome, 403, "serviceUrl");
    }

    [Fact]
    public async Task A_valid_token_without_a_service_url_claim_is_forbidden()
    {
        var outcome = await Validate("Bearer " + Token(serviceUrl: null));

        AssertRejected(outcome, 403, "serviceUrl");
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_activitys_channel_is_forbidden()
    {
        var outcome = await Validate("Bearer " + Token(fixture.TeamsKey), channelId: "webchat");

        AssertRejected(outcome, 403, "not endorsed");
    }

    [Fact]
    public async Task An_endorsed_key_with_no_channel_on_the_activity_is_forbidden()
    {
        var outcome = await Validate("Bearer " + Token(fixture.TeamsKey), channelId: null);

        AssertRejected(outcome, 403, "not endorsed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.garbled.garbled")]
    [InlineData("Bearer a b c")]
    public async Task A_missing_or_garbled_authorization_header_is_unauthorised(string? header)
    {
        var outcome = await Validate(header);

        Assert.False(outcome.Succeeded);
        Assert.Equal(401, outcome.StatusCode);
    }

    [Fact]
    public async Task A_token_under_another_scheme_is_unauthorised()
    {
        var outcome = await Validate("Basic " + Token());

        AssertRejected(outcome, 401, "not a Bearer token");
    }

    [Fact]
    public async Task A_token_without_a_key_id_is_unauthorised()
    {
        var keyWithoutId = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(fixture.TeamsKey.Rsa);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = ChannelIdentityServer.Issuer,
            Audience = ChannelAuthHarness.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(keyWithoutId, "RS256"),
        });

        var outcome = await Validate("Bearer " + token);

        AssertRejected(outcome, 401, "no signing key");
    }

    [Fact]
    public async Task The_reason_is_logged_but_never_the_token()
    {
        var token = Token(audience: "some-other-bot");

        await Validate("Bearer " + token);

        Assert.Contains(_logs.Lines, line => line.Contains("audience", StringComparison.Ordinal) && line.Contains("401", StringComparison.Ordinal));
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_app_id_in_development_authentication_is_off()
    {
        using var services = ChannelAuthHarness.Build(new Dictionary<string, string?>(), environment: "Development");

        var outcome = await services.GetRequiredService<ChannelTokenValidator>().ValidateAsync(null, ServiceUrl, ChannelId, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.True(outcome.IsAnonymous);
    }

    [Fact]
    public async Task With_no_app_id_outside_development_every_request_is_unauthorised()
    {
        using var services = ChannelAuthHarness.Build(new Dictionary<string, string?>(), environment: "Production");

        var outcome = await services.GetRequiredService<ChannelTokenValidator>().ValidateAsync("Bearer " + Token(), ServiceUrl, ChannelId, CancellationToken.None);

        AssertRejected(outcome, 401, "MicrosoftAppId");
    }

    private static void AssertRejected(ChannelAuthenticationOutcome outcome, int status, string reason)
    {
        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Identity);
        Assert.Equal(status, outcome.StatusCode);
        Assert.Contains(reason, outcome.Reason, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _services?.Dispose();
        _logs.Dispose();
    }
}
