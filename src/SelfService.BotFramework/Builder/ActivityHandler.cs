using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// A bot that dispatches each activity by type to a virtual method; override the ones you need.
/// Types it does not know go to <see cref="OnUnrecognizedActivityTypeAsync"/>, which ignores them.
/// </summary>
public class ActivityHandler : IBot
{
    /// <summary>The event a channel sends with a user token after sign-in.</summary>
    public const string TokenResponseEventName = "tokens/response";

    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type is null)
        {
            throw new ArgumentException("The activity has no type.", nameof(turnContext));
        }

        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => RunInvokeAsync(turnContext, cancellationToken),
            ActivityTypes.EndOfConversation => OnEndOfConversationActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Typing => OnTypingActivityAsync(turnContext, cancellationToken),
            ActivityTypes.MessageReaction => OnMessageReactionActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Calls <see cref="OnMembersAddedAsync"/> and <see cref="OnMembersRemovedAsync"/> when members changed.</summary>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.MembersAdded is { Count: > 0 } added)
        {
            await OnMembersAddedAsync(added, turnContext, cancellationToken);
        }

        if (activity.MembersRemoved is { Count: > 0 } removed)
        {
            await OnMembersRemovedAsync(removed, turnContext, cancellationToken);
        }
    }

    /// <summary>Members who joined; the list includes the bot itself when it joined (compare with <c>Activity.Recipient.Id</c>).</summary>
    protected virtual Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(
        IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Calls <see cref="OnTokenResponseEventAsync"/> for <c>tokens/response</c>, otherwise <see cref="OnEventAsync"/>.</summary>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Name == TokenResponseEventName
            ? OnTokenResponseEventAsync(turnContext, cancellationToken)
            : OnEventAsync(turnContext, cancellationToken);
    }

    protected virtual Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Answers an invoke; the response goes back to the channel on the same request. By default
    /// 501: this bot does not implement the named operation.
    /// </summary>
    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(501));

    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Activity types this handler does not know are accepted and ignored, as the specification asks.</summary>
    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private async Task RunInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken);
        // A response already sent as an invokeResponse activity wins over the returned one.
        if (turnContext.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey) is null)
        {
            turnContext.TurnState.Set(BotAdapter.InvokeResponseKey, response);
        }
    }
}
