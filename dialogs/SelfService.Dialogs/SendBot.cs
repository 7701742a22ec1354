using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;
using SelfService.Data;
using SelfService.Data.Conversations;
using SelfService.Dialogs.Conversations;

namespace SelfService.Dialogs;

/// <summary>
/// The SEND Self-Service bot, the same on every channel (the portal's Web Chat, Teams, others):
/// works out who is asking, keeps a short transcript, and runs the main dialog. Each turn gets its
/// own service scope, as the bot outlives every DbContext.
/// </summary>
public sealed class SendBot(
    IServiceScopeFactory scopes,
    ConversationState conversationState,
    MainDialog dialog,
    SendConversation conversation,
    GeneralAnswers general,
    ChatClock clock,
    IOptions<ConversationOptions> options) : ActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>("SendBot.DialogState");
    private readonly IStatePropertyAccessor<ChatTranscript> _transcript = conversationState.CreateProperty<ChatTranscript>("SendBot.Transcript");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate))
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var today = clock.Today();
        var user = await ChatUser.ForTurnAsync(turnContext, services.GetRequiredService<CaseStoreDbContext>(), services.GetRequiredService<ChatLinks>(), today, cancellationToken);
        var transcript = await _transcript.GetAsync(turnContext, () => new ChatTranscript(), cancellationToken);
        var keep = options.Value.TranscriptLines;
        turnContext.TurnState.Set(new ChatTurn(user, services, today, transcript));
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            foreach (var sent in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                transcript.Add("Assistant", sent.Text, keep);
            }

            return await next();
        });

        await base.OnTurnAsync(turnContext, cancellationToken);
        await _transcript.SetAsync(turnContext, transcript, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);

        // The bot joining is a member added too; greet only for people.
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await conversation.GreetAsync(turnContext, ChatTurn.From(turnContext).User, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var turn = ChatTurn.From(turnContext);
        var text = turnContext.Activity.Text ?? string.Empty;
        var max = options.Value.MaxMessageLength;

        // Long input is neither read nor kept whole: a polite answer, and the dialog stays where it was.
        if (text.Length > max)
        {
            turn.Transcript.Add("User", "(a message too long to read)", options.Value.TranscriptLines);
            await turnContext.SendActivityAsync(MessageFactory.Text(general.TooLong), cancellationToken);
            return;
        }

        turn.Transcript.Add("User", text, options.Value.TranscriptLines);

        // A one-time code links a channel identity to an account; never on the portal's own channel,
        // where the signed token already says who the user is.
        if (!turn.User.IsInProcessChannel && ChatLinks.AsCode(text) is { } code)
        {
            var outcome = await turn.Links.RedeemAsync(turn.User.ChannelId, turn.User.ChannelUserId, code, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text(outcome switch
            {
                ChatLinkOutcome.Linked => general.Linked,
                ChatLinkOutcome.TooManyAttempts => general.LinkTooMany,
                _ => general.LinkRefused,
            }), cancellationToken);
            return;
        }

        await dialog.RunAsync(turnContext, _dialogState, cancellationToken);
    }
}
