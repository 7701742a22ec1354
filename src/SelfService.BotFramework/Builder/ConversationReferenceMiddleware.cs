using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// Saves the conversation reference of every authenticated turn a user starts (messages, events,
/// invokes, conversation updates), so the bot can message them proactively later.
/// </summary>
public sealed class ConversationReferenceMiddleware(IConversationReferenceStore store) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        if (ShouldSave(turnContext))
        {
            await store.SaveAsync(turnContext.Activity.GetConversationReference(), cancellationToken);
        }

        await next(cancellationToken);
    }

    private static bool ShouldSave(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var authenticated = turnContext.TurnState.Get<System.Security.Claims.ClaimsIdentity>(BotAdapter.BotIdentityKey) is not null;
        var fromUser = !string.IsNullOrEmpty(activity.From?.Id)
            && activity.From.Role is null or RoleTypes.User
            && !string.IsNullOrEmpty(activity.ChannelId)
            && !string.IsNullOrEmpty(activity.Conversation?.Id);
        var proactive = activity.Type == ActivityTypes.Event && activity.Name == ConversationReference.ContinueConversationEventName;
        var userTurn = activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Invoke;
        return authenticated && fromUser && userTurn && !proactive;
    }
}
