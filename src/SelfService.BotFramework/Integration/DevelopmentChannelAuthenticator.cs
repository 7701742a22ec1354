using System.Security.Claims;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Integration;

/// <summary>
/// Lets every request through, as the Bot Framework Emulator expects when the bot has no App ID.
/// For local development only: the host refuses to start without an App ID anywhere else.
/// </summary>
public sealed class DevelopmentChannelAuthenticator : IChannelAuthenticator
{
    /// <summary>The authentication type of the identity given to unauthenticated development requests.</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    public Task<AuthenticationOutcome> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationOutcome.Success(new ClaimsIdentity([], AnonymousAuthenticationType)));
}
