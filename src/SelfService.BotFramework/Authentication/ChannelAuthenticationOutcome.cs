using System.Security.Claims;

namespace SelfService.BotFramework.Authentication;

/// <summary>What <see cref="ChannelTokenValidator"/> decided about one inbound request.</summary>
internal sealed record ChannelAuthenticationOutcome
{
    private ChannelAuthenticationOutcome(int statusCode, ClaimsIdentity? identity, string reason)
    {
        StatusCode = statusCode;
        Identity = identity;
        Reason = reason;
    }

    /// <summary>200 when authenticated, else the status to answer with: 401 (no or bad token),
    /// 403 (a good token that does not cover this activity), 503 (keys could not be fetched).</summary>
    public int StatusCode { get; }

    public ClaimsIdentity? Identity { get; }

    /// <summary>Why, for the log. Never contains the token.</summary>
    public string Reason { get; }

    public bool Succeeded => Identity is not null;

    /// <summary>True when inbound authentication is off (Development without an App ID).</summary>
    public bool IsAnonymous => Succeeded && !Identity!.IsAuthenticated;

    internal static ChannelAuthenticationOutcome Authenticated(ClaimsIdentity identity) => new(200, identity, "authenticated");

    internal static ChannelAuthenticationOutcome Anonymous() =>
        new(200, new ClaimsIdentity(), "inbound authentication is off (no App ID, Development)");

    internal static ChannelAuthenticationOutcome Unauthorized(string reason) => new(401, null, reason);

    internal static ChannelAuthenticationOutcome Forbidden(string reason) => new(403, null, reason);

    internal static ChannelAuthenticationOutcome Unavailable(string reason) => new(503, null, reason);
}
