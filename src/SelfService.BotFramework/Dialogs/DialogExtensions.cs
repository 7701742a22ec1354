using SelfService.BotFramework.Builder;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs a dialog for this turn: continues it if it is on the stack, starts it if the stack is
    /// empty. The stack is kept in <paramref name="accessor"/>'s state; save that state after the turn.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        var dialogSet = new DialogSet(accessor);
        dialogSet.Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken)
            : result;
    }
}
