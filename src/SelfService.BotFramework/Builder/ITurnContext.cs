using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>Everything about one turn: the incoming activity, a way to answer it, and per-turn state.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    /// <summary>Per-turn services and values (the bot's identity, the invoke response, state caches).</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Whether at least one activity has been sent during this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a text message addressed back to the sender of the incoming activity.</summary>
    Task<ResourceResponse> SendActivityAsync(
        string textReplyToSend,
        string? speak = null,
        string? inputHint = InputHints.AcceptingInput,
        CancellationToken cancellationToken = default);

    /// <summary>Sends an activity; conversation, channel and parties are filled in from the incoming activity.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default);

    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
