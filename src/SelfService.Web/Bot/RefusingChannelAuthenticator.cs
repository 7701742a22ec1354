using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.Web.Bot;

/// <summary>
/// With an App ID but no channel token validation registered, refuses every request: the bot
/// must never fall back to trusting unauthenticated callers.
/// </summary>
internal sealed class RefusingChannelAuthenticator : IChannelAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationOutcome.Unauthorized("No channel token validation is registered."));
}
