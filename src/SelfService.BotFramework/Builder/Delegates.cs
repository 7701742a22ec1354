using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>Runs a turn: the bot's logic, or the callback of a proactive message.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

/// <summary>Hands the turn on to the next middleware, or to the bot.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Sees (and may change or stop) activities on their way out; call <c>next</c> to send them.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>Sees an activity update on its way out; call <c>next</c> to apply it.</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(
    ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

/// <summary>Sees an activity deletion on its way out; call <c>next</c> to apply it.</summary>
public delegate Task DeleteActivityHandler(
    ITurnContext turnContext, ConversationReference reference, Func<Task> next);
