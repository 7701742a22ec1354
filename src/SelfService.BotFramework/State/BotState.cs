using System.Text.Json.Nodes;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

/// <summary>
/// State kept between turns under one storage key per turn (per conversation, per user), as in
/// Bot Builder: loaded once per turn into the turn's state, read and changed through property
/// accessors, and written back by <see cref="SaveChangesAsync"/> only if something changed,
/// against the eTag it was read with. If another turn saved the same key in between, the save
/// fails with <see cref="StorageConcurrencyException"/> and nothing is written: the other turn's
/// state stands whole (see docs/decisions/0006-bot-state-concurrency.md).
/// </summary>
public abstract class BotState
{
    /// <summary>Turn-state key set when a save in this turn lost a race, so clean-up knows not to delete the winner's state.</summary>
    public const string ConcurrencyFailureKey = "BotState.ConcurrencyFailure";

    private readonly IStorage _storage;
    private readonly string _contextServiceKey;

    protected BotState(IStorage storage, string contextServiceKey)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(contextServiceKey);
        _storage = storage;
        _contextServiceKey = contextServiceKey;
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the state into the turn, unless it is already there (or <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.Get<CachedBotState>(_contextServiceKey) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken);
        var cached = items.TryGetValue(key, out var item) ? CachedBotState.From(item) : CachedBotState.Empty();
        turnContext.TurnState.Set(_contextServiceKey, cached);
    }

    /// <summary>Writes the state back if it changed during the turn (or always, with <paramref name="force"/>).</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey);
        if (cached is null)
        {
            return;
        }

        var document = cached.ToDocument();
        var json = document.ToJsonString();
        if (!force && json == cached.SavedJson)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var change = new StoreItem(document, cached.ETag);
        try
        {
            await _storage.WriteAsync(new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = change }, cancellationToken);
        }
        catch (StorageConcurrencyException e)
        {
            // Forget what this turn had: anything after this must read the winner's state afresh.
            turnContext.TurnState.Remove(_contextServiceKey);
            turnContext.TurnState.Set(ConcurrencyFailureKey, e);
            throw;
        }

        cached.ETag = change.ETag;
        cached.SavedJson = json;
    }

    /// <summary>Empties the state for this turn; the next save writes it empty.</summary>
    public Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var existing = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey);
        var cleared = CachedBotState.Empty();
        cleared.ETag = existing?.ETag ?? StoreItem.AnyETag;
        cleared.SavedJson = null;
        turnContext.TurnState.Set(_contextServiceKey, cleared);
        return Task.CompletedTask;
    }

    /// <summary>Removes the state from storage and from the turn.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    /// <summary>The storage key for this turn's state.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<(bool Found, T Value)> GetPropertyValueAsync<T>(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!;
        if (!cached.Values.TryGetValue(name, out var value))
        {
            return (false, default!);
        }

        if (value is T typed)
        {
            return (true, typed);
        }

        // Keep the typed object, so changes made to it during the turn are what gets saved.
        var converted = StateJson.ConvertTo<T>(value)!;
        cached.Values[name] = converted;
        return (true, converted);
    }

    internal async Task SetPropertyValueAsync(ITurnContext turnContext, string name, object? value, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!.Values[name] = value;
    }

    internal async Task DeletePropertyValueAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!.Values.Remove(name);
    }

    private sealed class CachedBotState
    {
        public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

        public string? ETag { get; set; }

        /// <summary>The JSON as last read or saved, to tell whether anything changed.</summary>
        public string? SavedJson { get; set; }

        public static CachedBotState Empty() => new() { SavedJson = new JsonObject().ToJsonString() };

        public static CachedBotState From(StoreItem item)
        {
            var cached = new CachedBotState { ETag = item.ETag, SavedJson = item.Document.ToJsonString() };
            foreach (var (name, value) in item.Document)
            {
                cached.Values[name] = value?.DeepClone();
            }

            return cached;
        }

        public JsonObject ToDocument()
        {
            var document = new JsonObject();
            foreach (var (name, value) in Values)
            {
                document[name] = value is JsonNode node ? node.DeepClone() : StateJson.ToNode(value);
            }

            return document;
        }
    }

    private sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
    {
        public string Name => name;

        public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(turnContext);
            var (found, value) = await state.GetPropertyValueAsync<T>(turnContext, name, cancellationToken);
            if (found || defaultValueFactory is null)
            {
                return value;
            }

            var created = defaultValueFactory();
            await state.SetPropertyValueAsync(turnContext, name, created, cancellationToken);
            return created;
        }

        public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(turnContext);
            return state.SetPropertyValueAsync(turnContext, name, value, cancellationToken);
        }

        public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(turnContext);
            return state.DeletePropertyValueAsync(turnContext, name, cancellationToken);
        }
    }
}
