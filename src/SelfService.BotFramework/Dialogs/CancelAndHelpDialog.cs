using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Dialogs;

/// <summary>
/// A component dialog that listens for "help" and "cancel" before its inner dialog sees the
/// message (Bot Builder's CancelAndHelpDialog sample): help answers and asks the same question
/// again; cancel says so and ends the whole inner stack. The words and replies are set by the bot.
/// </summary>
public abstract class CancelAndHelpDialog : ComponentDialog
{
    protected CancelAndHelpDialog(string dialogId) : base(dialogId)
    {
    }

    /// <summary>Messages (compared whole, ignoring case and surrounding space) that ask for help.</summary>
    protected virtual IReadOnlyCollection<string> HelpWords { get; } = ["help", "?"];

    /// <summary>Messages that cancel.</summary>
    protected virtual IReadOnlyCollection<string> CancelWords { get; } = ["cancel", "quit", "stop", "start again"];

    protected abstract string HelpText { get; }

    protected abstract string CancelText { get; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return await InterruptAsync(innerDc, cancellationToken) ?? await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    /// <summary>A result when the message was an interruption that was dealt with; null to let the inner dialog have it.</summary>
    protected virtual async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (!IsMessage(innerDc.Context) || innerDc.Context.Activity.Text?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        if (HelpWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(HelpText, HelpText, Schema.InputHints.ExpectingInput), cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }

        if (CancelWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(CancelText, CancelText, Schema.InputHints.IgnoringInput), cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        return null;
    }
}
