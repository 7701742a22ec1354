using System.Text.Json.Serialization;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

/// <summary>What a dialog turn came to.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>True when the parent should end the dialog it is running (a replaced dialog's parent, for one).</summary>
    public bool ParentEnded { get; init; }
}

/// <summary>One dialog on the stack: which dialog, and its own persisted state.</summary>
public sealed class DialogInstance
{
    public DialogInstance()
    {
    }

    public DialogInstance(string id) => Id = id;

    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's state bag; values come back from storage as plain .NET values (see <see cref="StateJson"/>).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, object?> State { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>The dialog stack, kept in a <see cref="ConversationState"/> property between turns.</summary>
public sealed class DialogState
{
    /// <summary>Top of the stack first, as in Bot Builder.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<DialogInstance> DialogStack { get; } = new List<DialogInstance>();
}

internal static class DialogStateBag
{
    /// <summary>
    /// The bag's value as a <typeparamref name="T"/>, put back typed so that changes to it persist
    /// (after a reload the bag holds plain values, not the object first stored).
    /// </summary>
    public static T Typed<T>(this IDictionary<string, object?> bag, string key, Func<T> create)
        where T : class
    {
        if (bag.TryGetValue(key, out var value) && value is not null)
        {
            if (value is T typed)
            {
                return typed;
            }

            var converted = StateJson.ConvertTo<T>(value) ?? create();
            bag[key] = converted;
            return converted;
        }

        var created = create();
        bag[key] = created;
        return created;
    }
}
