using System.Security.Claims;
using Microsoft.Extensions.Logging;
using SelfService.BotFramework.Connector;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// The adapter every channel shares: runs an authenticated activity through the middleware and
/// the bot, routes what the bot sends to the <see cref="IChannelConnector"/> that serves the
/// conversation, and handles a failed turn the way Bot Builder's samples do (log it, apologise
/// to the user, clear the conversation's state).
/// </summary>
public partial class CloudAdapterBase : BotAdapter
{
    /// <summary>What the user is told when a turn fails.</summary>
    public const string ApologyText = "Sorry, something went wrong. Please try again, or start again by saying hello.";

    private readonly IReadOnlyList<IChannelConnector> _connectors;
    private readonly IReadOnlyList<IBotStateCleaner> _stateCleaners;
    private readonly ILogger _logger;

    public CloudAdapterBase(
        IEnumerable<IChannelConnector> connectors, IEnumerable<IBotStateCleaner> stateCleaners, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(stateCleaners);
        ArgumentNullException.ThrowIfNull(logger);
        _connectors = connectors.ToList();
        _stateCleaners = stateCleaners.ToList();
        _logger = logger;
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Runs one turn for an activity a channel delivered and has already authenticated as
    /// <paramref name="claimsIdentity"/>. For an invoke, returns the response to send back on
    /// the same request (501 when the bot gave none); otherwise null.
    /// </summary>
    public virtual async Task<InvokeResponse?> ProcessActivityAsync(
        ClaimsIdentity claimsIdentity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimsIdentity);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);

        var context = new TurnContext(this, activity);
        context.TurnState.Set(BotIdentityKey, claimsIdentity);
        await RunPipelineAsync(context, callback, cancellationToken);

        return activity.Type == ActivityTypes.Invoke
            ? context.TurnState.Get<InvokeResponse>(InvokeResponseKey) ?? new InvokeResponse(501)
            : null;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            responses[i] = await ConnectorFor(activities[i]).SendAsync(activities[i], cancellationToken);
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ConnectorFor(activity).UpdateAsync(activity, cancellationToken);
    }

    public override Task DeleteActivityAsync(
        ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var addressed = new Activity { Type = ActivityTypes.MessageDelete, Id = reference.ActivityId }
            .ApplyConversationReference(reference);
        return ConnectorFor(addressed).DeleteAsync(reference, cancellationToken);
    }

    /// <summary>Whether some registered connector delivers to the activity's conversation.</summary>
    protected bool CanDeliver(Activity activity) => _connectors.Any(c => c.CanSend(activity));

    /// <summary>The connector that delivers to the activity's conversation: the first registered that claims it.</summary>
    protected IChannelConnector ConnectorFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _connectors.FirstOrDefault(c => c.CanSend(activity))
            ?? throw new InvalidOperationException(
                $"No channel connector delivers to channel '{activity.ChannelId}' at '{activity.ServiceUrl}'.");
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        LogTurnFailed(exception, activity.Type, activity.ChannelId, activity.Conversation?.Id);

        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.TurnState.Set(InvokeResponseKey, new InvokeResponse(500, new ErrorResponse("ServerError", ApologyText)));
        }

        // The apology and the clean-up each get their own chance: one failing must not stop the other.
        // When it was the channel itself that failed (unreachable after retries, or an address the
        // bot may not post to), an apology would go the same way, and only keep the caller waiting.
        if (exception is ChannelRequestException or UntrustedServiceUrlException)
        {
            LogApologySkipped(activity.Conversation?.Id);
        }
        else
        {
            try
            {
                await turnContext.SendActivityAsync(ApologyText, cancellationToken: CancellationToken.None);
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                LogApologyFailed(sendFailure, activity.Conversation?.Id);
            }
        }

        foreach (var cleaner in _stateCleaners)
        {
            try
            {
                await cleaner.ClearAsync(turnContext, CancellationToken.None);
            }
            catch (Exception cleanFailure) when (cleanFailure is not OperationCanceledException)
            {
                LogCleanupFailed(cleanFailure, activity.Conversation?.Id);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "A bot turn failed ({ActivityType} on {ChannelId}, conversation {ConversationId}).")]
    private partial void LogTurnFailed(Exception exception, string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Could not tell the user in conversation {ConversationId} that their turn failed.")]
    private partial void LogApologyFailed(Exception exception, string? conversationId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Did not apologise in conversation {ConversationId}: the channel itself failed.")]
    private partial void LogApologySkipped(string? conversationId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Could not clear the state of conversation {ConversationId} after a failed turn.")]
    private partial void LogCleanupFailed(Exception exception, string? conversationId);
}
