using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.State;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// The conversation: each message is understood and answered; when it is about "my child" and the
/// user has several, it asks which with a choice. "help" and "start again" work at any point.
/// </summary>
public sealed class MainDialog : CancelAndHelpDialog
{
    public const string DialogId = "send.main";
    private const string RouteId = "send.route";
    private const string WhichChildId = "send.whichChild";
    private const string TopicKey = "topic";
    private const string ChildrenKey = "children";

    private readonly SendConversation _conversation;
    private readonly GeneralAnswers _general;

    public MainDialog(SendConversation conversation, GeneralAnswers general) : base(DialogId)
    {
        _conversation = conversation;
        _general = general;
        AddDialog(new WaterfallDialog(RouteId, [RouteAsync, ChosenAsync]));
        // Anything that is not one of the names ends the prompt, and is then read as a new question:
        // someone who changes the subject should not be asked the same thing again.
        AddDialog(new ChoicePrompt(WhichChildId, (_, _) => Task.FromResult(true)) { Style = ListStyle.SuggestedAction });
    }

    protected override IReadOnlyCollection<string> CancelWords { get; } = ["cancel", "quit", "stop", "start again", "start over"];

    protected override string HelpText => _general.Help;

    protected override string CancelText => _general.Cancelled;

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var routed = await _conversation.HandleMessageAsync(step.Context, cancellationToken);
        if (routed.Answered || routed.Choices is not { Count: > 0 } choices)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values[TopicKey] = routed.Topic.ToString();
        step.Values[ChildrenKey] = choices.Select(c => (object?)c.ChildId.ToString()).ToList();
        var names = choices.Select(c => new Choice(c.DisplayName, [.. c.Names])).ToList();
        return await step.PromptAsync(WhichChildId, new PromptOptions
        {
            Prompt = MessageFactory.Text(_general.WhichChild),
            Choices = names,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ChosenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var found = step.GetResult<FoundChoice>();
        if (found is null)
        {
            return await step.ReplaceDialogAsync(RouteId, null, cancellationToken);
        }

        var children = step.Values.GetValue<List<string>>(ChildrenKey) ?? [];
        if (found.Index >= 0 && found.Index < children.Count
            && Enum.TryParse<Topic>(step.Values.GetValue<string>(TopicKey), out var topic)
            && Guid.TryParse(children[found.Index], out var childId))
        {
            await _conversation.AnswerForChildAsync(step.Context, topic, childId, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}
