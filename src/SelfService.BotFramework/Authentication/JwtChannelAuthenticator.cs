using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// Authenticates a channel's <c>POST /api/messages</c> by its bearer token (see
/// <see cref="ChannelTokenValidator"/> for every check). On success the activity's serviceUrl
/// becomes trusted, so the bot may reply there with its own token; on failure nothing is trusted
/// and the caller answers 401 or 403 without running a turn.
/// </summary>
public sealed class JwtChannelAuthenticator : IChannelAuthenticator
{
    private readonly ChannelTokenValidator _validator;
    private readonly ITrustedServiceUrls _trustedServiceUrls;

    internal JwtChannelAuthenticator(ChannelTokenValidator validator, ITrustedServiceUrls trustedServiceUrls)
    {
        _validator = validator;
        _trustedServiceUrls = trustedServiceUrls;
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outcome = await _validator.ValidateAsync(authorizationHeader, activity.ServiceUrl, activity.ChannelId, cancellationToken);
        if (!outcome.Succeeded)
        {
            // 503 (keys unreachable) is not a status the adapter answers with; the channel sees 401
            // and the log says why.
            return outcome.StatusCode == 403
                ? AuthenticationOutcome.Forbidden(outcome.Reason)
                : AuthenticationOutcome.Unauthorized(outcome.Reason);
        }

        if (!string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            _trustedServiceUrls.Trust(activity.ServiceUrl);
        }

        return AuthenticationOutcome.Success(outcome.Identity!);
    }
}
