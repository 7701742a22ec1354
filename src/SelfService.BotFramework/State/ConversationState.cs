using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

/// <summary>State for one conversation (the dialog stack lives here): key <c>{channelId}/conversations/{conversationId}</c>.</summary>
public class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId, so its conversation state has no key.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id, so its conversation state has no key.");
        return $"{channelId}/conversations/{conversationId}";
    }
}

/// <summary>State for one user across conversations: key <c>{channelId}/users/{userId}</c>.</summary>
public class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId, so its user state has no key.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("The activity has no from.id, so its user state has no key.");
        return $"{channelId}/users/{userId}";
    }
}
