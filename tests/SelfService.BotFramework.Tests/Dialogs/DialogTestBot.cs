using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Tests.Dialogs;

/// <summary>The shape of Bot Builder's DialogBot: run the dialog, then save the conversation state.</summary>
public sealed class DialogTestBot(Dialog dialog, IStorage storage)
{
    public ConversationState ConversationState { get; } = new(storage);

    public List<DialogTurnResult> Results { get; } = [];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = await dialog.RunAsync(turnContext, ConversationState.CreateProperty<DialogState>("DialogState"), cancellationToken);
        Results.Add(result);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public TestFlow Flow(TestAdapter? adapter = null) => new(adapter ?? new TestAdapter(), OnTurnAsync);
}

/// <summary>A clock for tests that need a fixed "today".</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The sample's booking-style dialog: name, age (validated), confirm, with help and cancel.</summary>
public sealed class ProfileDialog : CancelAndHelpDialog
{
    public const string HelpMessage = "Tell me your name and age. Say cancel to stop.";
    public const string CancelMessage = "Cancelled. Nothing was saved.";

    public ProfileDialog() : base(nameof(ProfileDialog))
    {
        AddDialog(new WaterfallDialog("profile", [NameStepAsync, AgeStepAsync, ConfirmStepAsync, SummaryStepAsync]));
        AddDialog(new TextPrompt("text"));
        AddDialog(new NumberPrompt<int>("age", AgeValidatorAsync));
        AddDialog(new ConfirmPrompt("confirm") { Style = ListStyle.None });
    }

    protected override string HelpText => HelpMessage;

    protected override string CancelText => CancelMessage;

    private static Task<bool> AgeValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is > 0 and < 120);

    private static Task<DialogTurnResult> NameStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("What is your name?") }, cancellationToken);

    private static Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["name"] = (string)step.Result!;
        return step.PromptAsync("age", new PromptOptions
        {
            Prompt = MessageFactory.Text("How old are you?"),
            RetryPrompt = MessageFactory.Text("Enter an age between 1 and 119."),
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["age"] = (int)step.Result!;
        return step.PromptAsync("confirm", new PromptOptions
        {
            Prompt = MessageFactory.Text($"{step.Values.GetValue<string>("name")}, aged {step.Values.GetValue<int>("age")}. Is that right?"),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var confirmed = (bool)step.Result!;
        await step.Context.SendActivityAsync(confirmed ? $"Saved {step.Values.GetValue<string>("name")}." : "Not saved.", cancellationToken: cancellationToken);
        return await step.EndDialogAsync(confirmed ? step.Values.GetValue<string>("name") : null, cancellationToken);
    }
}
