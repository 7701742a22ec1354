using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// Checks the bearer token a channel sends with an activity, exactly as the Bot Framework requires
/// (issuer, audience = our App ID, lifetime with 5 minutes' skew, RS256 with a published channel key,
/// the key's endorsement of the channel, and the token's <c>serviceUrl</c> claim against the
/// activity's). It knows nothing of activities or HTTP so that it can be tested on its own.
/// </summary>
internal sealed partial class ChannelTokenValidator
{
    public const string ServiceUrlClaim = "serviceurl";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxLoggedLength = 100;

    private readonly BotAuthenticationOptions _options;
    private readonly ChannelSigningKeys _keys;
    private readonly bool _isDevelopment;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelTokenValidator(
        IOptions<BotAuthenticationOptions> options,
        ChannelSigningKeys keys,
        IHostEnvironment environment,
        ILogger<ChannelTokenValidator> logger)
    {
        _options = options.Value;
        _keys = keys;
        _isDevelopment = environment.IsDevelopment();
        _logger = logger;
    }

    /// <param name="authorizationHeader">The request's <c>Authorization</c> header, as sent.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>.</param>
    /// <param name="channelId">The activity's <c>channelId</c>.</param>
    public async Task<ChannelAuthenticationOutcome> ValidateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            if (_isDevelopment)
            {
                return ChannelAuthenticationOutcome.Anonymous();
            }

            // Never run with inbound authentication off outside Development, whatever else is wrong.
            LogNoAppIdOutsideDevelopment(_logger);
            return ChannelAuthenticationOutcome.Unauthorized("Bot:MicrosoftAppId is not configured");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized("no Authorization header"));
        }

        if (!AuthenticationHeaderValue.TryParse(authorizationHeader, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized("Authorization header is not a Bearer token"));
        }

        var token = header.Parameter;
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized("bearer token is not a JWT"));
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized("bearer token is not a JWT"));
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized("token names no signing key"));
        }

        ChannelOpenIdConfiguration keys;
        try
        {
            keys = await _keys.GetIncludingAsync(unverified.Kid, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            LogKeysUnavailable(_logger, exception);
            return ChannelAuthenticationOutcome.Unavailable("channel signing keys could not be fetched");
        }

        if (!keys.HasSigningKey(unverified.Kid))
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized($"unknown signing key '{Truncate(unverified.Kid)}'"));
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(keys));
        if (!result.IsValid)
        {
            return Reject(ChannelAuthenticationOutcome.Unauthorized(Describe(result.Exception)));
        }

        // Channels with endorsements on their keys may only use a key endorsed for that channel.
        if (keys.Endorsements.TryGetValue(unverified.Kid, out var endorsed) && endorsed.Count > 0
            && (string.IsNullOrEmpty(channelId) || !endorsed.Contains(channelId)))
        {
            return Reject(ChannelAuthenticationOutcome.Forbidden(
                $"signing key '{Truncate(unverified.Kid)}' is not endorsed for channel '{Truncate(channelId)}'"));
        }

        var tokenServiceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(tokenServiceUrl) || !string.Equals(tokenServiceUrl, serviceUrl, StringComparison.Ordinal))
        {
            return Reject(ChannelAuthenticationOutcome.Forbidden(
                $"token serviceUrl '{Truncate(tokenServiceUrl)}' does not match the activity's '{Truncate(serviceUrl)}'"));
        }

        return ChannelAuthenticationOutcome.Authenticated(result.ClaimsIdentity);
    }

    private TokenValidationParameters Parameters(ChannelOpenIdConfiguration keys) => new()
    {
        ValidIssuers = _options.EffectiveTokenIssuers,
        ValidateIssuer = true,
        ValidAudience = _options.MicrosoftAppId,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = keys.SigningKeys,
        // The key is chosen by the token's kid only; a token signed by any other key fails.
        TryAllIssuerSigningKeys = false,
        AuthenticationType = "Bearer",
        NameClaimType = "appid",
    };

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "issuer is not a Bot Framework channel issuer",
        SecurityTokenInvalidAudienceException => "audience is not this bot's App ID",
        SecurityTokenExpiredException => "token has expired",
        SecurityTokenNotYetValidException => "token is not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidAlgorithmException => "token is not signed with RS256",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "signature does not verify",
        null => "token is not valid",
        _ => "token is not valid (" + exception.GetType().Name + ")",
    };

    private ChannelAuthenticationOutcome Reject(ChannelAuthenticationOutcome outcome)
    {
        // The reason only: the token itself is a credential and is never logged.
        LogRejected(_logger, outcome.StatusCode, outcome.Reason);
        return outcome;
    }

    private static string Truncate(string? value) =>
        value is null ? "" : value.Length <= MaxLoggedLength ? value : value[..MaxLoggedLength] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel request rejected with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel request rejected: Bot:MicrosoftAppId is empty outside Development, so inbound authentication cannot be done")]
    private static partial void LogNoAppIdOutsideDevelopment(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel request rejected: the channels' signing keys could not be fetched")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception);
}
