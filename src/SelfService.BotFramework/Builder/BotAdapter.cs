using System.Security.Claims;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// Connects a bot to channels: runs each turn through the middleware and the bot, and carries
/// the bot's activities out.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>Turn-state key of the <see cref="InvokeResponse"/> an invoke turn answers with.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    /// <summary>Turn-state key of the <see cref="ClaimsIdentity"/> the turn was authenticated as.</summary>
    public const string BotIdentityKey = "BotIdentity";

    /// <summary>Claim types used in identities the adapter makes itself (audience and app id, as in a channel token).</summary>
    public const string AudienceClaim = "aud";
    public const string AppIdClaim = "appid";

    protected MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called with any exception a turn throws; when unset the exception propagates.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(
        ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a proactive turn in an existing conversation: <paramref name="callback"/> gets a turn
    /// context whose activity is the reference's continuation event, and whatever it sends goes
    /// to the user the reference names.
    /// </summary>
    public virtual Task ContinueConversationAsync(
        string botAppId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        return ContinueConversationAsync(CreateBotIdentity(botAppId), reference, callback, cancellationToken);
    }

    public virtual async Task ContinueConversationAsync(
        ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimsIdentity);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);

        var context = new TurnContext(this, reference.GetContinuationActivity());
        context.TurnState.Set(BotIdentityKey, claimsIdentity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>An identity for the bot itself, for turns that did not come from a channel.</summary>
    public static ClaimsIdentity CreateBotIdentity(string? botAppId) =>
        new([new Claim(AudienceClaim, botAppId ?? string.Empty), new Claim(AppIdClaim, botAppId ?? string.Empty)], "bot");

    /// <summary>Runs the middleware and then the callback; a failure goes to <see cref="OnTurnError"/> when set.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken);
        }
        catch (Exception exception) when (OnTurnError is not null && exception is not OperationCanceledException)
        {
            await OnTurnError(turnContext, exception);
        }
    }
}
