using SelfService.BotFramework.Builder;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Dialogs;

/// <summary>The dialogs that can be started by id, and where their stack is kept.</summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState);
        _dialogState = dialogState;
    }

    /// <summary>A set whose stack is kept by its owner (a <see cref="ComponentDialog"/>'s inner dialogs).</summary>
    internal DialogSet()
    {
    }

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog) && !ReferenceEquals(_dialogs[dialog.Id], dialog))
        {
            throw new ArgumentException($"A different dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string dialogId)
    {
        ArgumentNullException.ThrowIfNull(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This dialog set keeps no state of its own; its owner creates its contexts.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}
