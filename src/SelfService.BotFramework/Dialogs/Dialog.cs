using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Dialogs;

/// <summary>A conversation step or flow that can be started, continued with the user's messages and ended.</summary>
public abstract class Dialog
{
    /// <summary>"Waiting for the user": what a dialog returns when it has asked something.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        Id = dialogId;
    }

    public string Id { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user replied while this dialog was active; by default it ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A dialog this one started has ended with <paramref name="result"/>; by default this one ends with it.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks again whatever the dialog is waiting for.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The dialog is leaving the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>True when the turn's activity is a message (dialogs ignore typing, events and the rest).</summary>
    protected static bool IsMessage(ITurnContext turnContext) => turnContext?.Activity.Type == ActivityTypes.Message;
}
