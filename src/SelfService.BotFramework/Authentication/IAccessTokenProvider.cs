namespace SelfService.BotFramework.Authentication;

/// <summary>Bearer tokens for the bot's calls to channels.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token to send, or null when the bot has no App ID (Development, Emulator), in which
    /// case requests go without an Authorization header.</summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
