using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

/// <summary>
/// After a failed turn, deletes the conversation's state (dialog stack and all) so the user
/// starts afresh, as Bot Builder's samples do in OnTurnError. Not when the turn failed by losing
/// a save race: the state stored then is the other turn's, and it is good.
/// </summary>
public sealed class ConversationStateCleaner(ConversationState conversationState) : IBotStateCleaner
{
    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.ContainsKey(BotState.ConcurrencyFailureKey)
            ? Task.CompletedTask
            : conversationState.DeleteAsync(turnContext, cancellationToken);
    }
}
