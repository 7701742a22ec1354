using System.Security.Claims;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>Decides whether an inbound request really comes from a channel, before any turn runs.</summary>
public interface IChannelAuthenticator
{
    /// <param name="authorizationHeader">The request's Authorization header, if any.</param>
    /// <param name="activity">The parsed activity (its serviceUrl and channelId are checked against the token).</param>
    Task<AuthenticationOutcome> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>The result of authenticating a channel request: an identity, or a 401/403 with a reason.</summary>
public sealed class AuthenticationOutcome
{
    private AuthenticationOutcome(ClaimsIdentity? identity, int statusCode, string? failureReason)
    {
        Identity = identity;
        StatusCode = statusCode;
        FailureReason = failureReason;
    }

    public ClaimsIdentity? Identity { get; }

    /// <summary>200 on success; 401 (no or bad credentials) or 403 (valid but not allowed) on failure.</summary>
    public int StatusCode { get; }

    /// <summary>Why it failed, for the log (never echoed in detail to the caller).</summary>
    public string? FailureReason { get; }

    public bool Succeeded => Identity is not null;

    public static AuthenticationOutcome Success(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity, 200, null);
    }

    public static AuthenticationOutcome Unauthorized(string reason) => new(null, 401, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(null, 403, reason);
}
