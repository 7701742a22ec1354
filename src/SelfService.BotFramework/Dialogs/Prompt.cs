using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Dialogs;

/// <summary>How a prompt lays out its choices.</summary>
public enum ListStyle
{
    /// <summary>Suggested-action buttons.</summary>
    Auto,

    /// <summary>No choices shown.</summary>
    None,

    /// <summary>"(1) Red, (2) Green or (3) Blue" after the prompt text.</summary>
    InlineList,

    /// <summary>A numbered list, one choice a line.</summary>
    List,

    /// <summary>Suggested-action buttons (imBack with the choice's value).</summary>
    SuggestedAction,
}

/// <summary>What a prompt asks, what it asks on a retry, and its choices.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent instead of <see cref="Prompt"/> after an answer that was not recognised or not valid.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    public ListStyle? Style { get; set; }

    /// <summary>Anything a custom validator wants (limits, a pattern); kept with the prompt's state.</summary>
    public object? Validations { get; set; }
}

/// <summary>What a prompt made of the user's answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}

/// <summary>What a validator sees: the recognised answer, the options, and how many answers the user has given.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's own state bag, for a validator that needs to remember something between answers.</summary>
    public IDictionary<string, object?> State { get; }

    public PromptOptions Options { get; }

    /// <summary>Answers given so far, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}

/// <summary>Decides whether a recognised answer is acceptable; may send its own message explaining why not.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>
/// A dialog that asks one question and ends with the typed answer. An answer that is not
/// recognised, or that the validator rejects, gets the retry prompt (unless the validator already
/// replied) and the prompt waits again.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string PersistedOptions = "options";
    private const string PersistedState = "state";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null) : base(dialogId) => _validator = validator;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions ?? StateJson.ConvertTo<PromptOptions>(options) ?? new PromptOptions();
        var instanceState = dc.ActiveDialog!.State;
        instanceState[PersistedOptions] = promptOptions;
        var state = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        instanceState[PersistedState] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!IsMessage(dc.Context))
        {
            return EndOfTurn;
        }

        var instanceState = dc.ActiveDialog!.State;
        var options = instanceState.Typed(PersistedOptions, () => new PromptOptions());
        var state = instanceState.Typed<IDictionary<string, object?>>(PersistedState, () => new Dictionary<string, object?>(StringComparer.Ordinal));
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        var attempts = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;

        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempts), cancellationToken);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        // A validator that explained the problem itself has said enough.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>Another dialog this prompt started has ended: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var options = instance.State.Typed(PersistedOptions, () => new PromptOptions());
        var state = instance.State.Typed<IDictionary<string, object?>>(PersistedState, () => new Dictionary<string, object?>(StringComparer.Ordinal));
        return OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the prompt, or the retry prompt (falling back to the prompt) when <paramref name="isRetry"/>.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            await turnContext.SendActivityAsync(Prepare(Copy(activity), options), cancellationToken);
        }
    }

    /// <summary>Room for a prompt to add its choices to the outgoing activity.</summary>
    protected virtual Activity Prepare(Activity activity, PromptOptions options) => activity;

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The stored prompt is sent afresh each time; the sent copy gets ids and addresses of its own.</summary>
    private static Activity Copy(Activity activity) => StateJson.ConvertTo<Activity>(StateJson.ToNode(activity))!;
}

/// <summary>Any non-empty text.</summary>
public class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(new PromptRecognizerResult<string> { Succeeded = !string.IsNullOrEmpty(text), Value = text });
    }
}
