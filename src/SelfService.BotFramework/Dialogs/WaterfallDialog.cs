using SelfService.BotFramework.Builder;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Dialogs;

/// <summary>One step of a waterfall: ask something (a prompt), move on (<see cref="WaterfallStepContext.NextAsync"/>) or finish.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// A fixed sequence of steps; each step gets the previous step's result (a prompt's answer, or
/// the user's text) and the <see cref="WaterfallStepContext.Values"/> gathered so far. After the
/// last step the dialog ends with that step's result.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndex = "stepIndex";
    private const string PersistedOptions = "options";
    private const string PersistedValues = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null) : base(dialogId) =>
        _steps = steps?.ToList() ?? [];

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = options;
        state[PersistedValues] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>The user replied to a step that asked nothing through a prompt: the text is the step's result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return IsMessage(dc.Context)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = StateJson.ConvertTo<int>(dc.ActiveDialog!.State[StepIndex]);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndex] = index;
        var values = state.Typed<IDictionary<string, object?>>(PersistedValues, () => new Dictionary<string, object?>(StringComparer.Ordinal));
        var stepContext = new WaterfallStepContext(this, dc, state.TryGetValue(PersistedOptions, out var options) ? options : null, values, index, reason, result);
        return await _steps[index](stepContext, cancellationToken);
    }
}

/// <summary>What a waterfall step knows: where it is, what came before, and how to move on.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent)
    {
        _parent = parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The step's position, from 0.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was started with (after a reload, in plain or JSON form: use <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result: a prompt's recognised value, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>Values gathered by the steps, kept for the life of the waterfall.</summary>
    public IDictionary<string, object?> Values { get; }

    public T? GetOptions<T>() => StateJson.ConvertTo<T>(Options);

    /// <summary>The previous step's result as a <typeparamref name="T"/>.</summary>
    public T? GetResult<T>() => StateJson.ConvertTo<T>(Result);

    /// <summary>Skips to the next step with <paramref name="result"/>, without waiting for the user.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_parent.Id}'.");
        }

        _nextCalled = true;
        return _parent.RunStepAsync(this, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }
}
