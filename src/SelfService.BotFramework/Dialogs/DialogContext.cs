using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Dialogs;

/// <summary>
/// The dialog stack of one turn, and the operations that move it: begin, continue, end, replace,
/// cancel. The stack is the <see cref="DialogState"/> the set's accessor keeps, so changes here
/// are saved with the conversation state.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The context of the component dialog this stack belongs to, if any.</summary>
    public DialogContext? Parent { get; }

    public DialogState State { get; }

    /// <summary>The stack, top first.</summary>
    public IList<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException(
            $"There is no dialog '{dialogId}' in this dialog set or its parents. Add it with DialogSet.Add or ComponentDialog.AddDialog.");
        Stack.Insert(0, new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt: the same as <see cref="BeginDialogAsync"/>, with the options typed.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(active.Id) ?? throw MissingDialog(active.Id);
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } next)
        {
            var dialog = FindDialog(next.Id) ?? throw MissingDialog(next.Id);
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends every dialog on the stack.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts another in its place (a loop, without growing the stack).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            var dialog = FindDialog(active.Id) ?? throw MissingDialog(active.Id);
            await dialog.RepromptDialogAsync(Context, active, cancellationToken);
        }
    }

    /// <summary>The dialog with this id here, or in a parent's set.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        }

        Stack.RemoveAt(0);
    }

    private static InvalidOperationException MissingDialog(string dialogId) => new(
        $"The stack names dialog '{dialogId}', which is not in the dialog set (was it renamed or removed since the conversation began?).");
}
