using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Dialogs;

/// <summary>
/// A dialog made of dialogs, with a stack of its own kept in its instance state: the building
/// block of a bot's conversations (MainDialog, BookingDialog in Bot Builder's samples). Override
/// <see cref="OnContinueDialogAsync"/> to look at a message before the inner dialog does, as
/// <see cref="CancelAndHelpDialog"/> does for "help" and "cancel".
/// </summary>
public class ComponentDialog : Dialog
{
    private const string PersistedDialogState = "dialogs";

    private readonly DialogSet _dialogs = new();

    public ComponentDialog(string dialogId) : base(dialogId)
    {
    }

    /// <summary>The inner dialog started first; the first one added unless set.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var innerState = new DialogState();
        instance.State[PersistedDialogState] = innerState;
        var innerDc = new DialogContext(_dialogs, dc.Context, innerState, dc);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return turnResult.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(dc, turnResult.Result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerDc = InnerContext(dc.Context, dc.ActiveDialog!, dc);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken);
        return turnResult.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(dc, turnResult.Result, cancellationToken);
    }

    /// <summary>A dialog this component started on the outer stack ended: ask again what the inner stack was waiting for.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return InnerContext(turnContext, instance, null).RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            await InnerContext(turnContext, instance, null).CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs: add one with AddDialog.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>The inner stack finished (or was cancelled): end this component with the result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private DialogContext InnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? outerDc) =>
        new(_dialogs, turnContext, instance.State.Typed(PersistedDialogState, () => new DialogState()), outerDc);
}
