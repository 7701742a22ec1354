namespace SelfService.BotFramework.Builder;

/// <summary>
/// Clears what the bot remembers about a conversation after a turn failed, so the user starts
/// afresh instead of hitting the same broken dialog again (as Bot Builder's samples delete
/// ConversationState in OnTurnError). Every registered cleaner runs.
/// </summary>
public interface IBotStateCleaner
{
    Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
