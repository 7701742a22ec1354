using System.Text.Json.Nodes;

namespace SelfService.BotFramework.State;

/// <summary>
/// <see cref="IStorage"/> in memory, for tests and development; same concurrency rules as the
/// database store. Documents are copied in and out, so callers never share a stored object.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (string Json, string ETag)> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    found[key] = new StoreItem(JsonNode.Parse(item.Json)!.AsObject(), item.ETag);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(found);
    }

    public Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            // Check everything before writing anything, so a failed write leaves no trace.
            foreach (var (key, change) in changes)
            {
                var exists = _items.TryGetValue(key, out var stored);
                var matches = change.ETag switch
                {
                    StoreItem.AnyETag => true,
                    null or "" => !exists,
                    _ => exists && stored.ETag == change.ETag,
                };
                if (!matches)
                {
                    throw new StorageConcurrencyException(key, string.IsNullOrEmpty(change.ETag) ? null : change.ETag);
                }
            }

            foreach (var (key, change) in changes)
            {
                var eTag = StoreItem.NewETag();
                _items[key] = (change.Document.ToJsonString(), eTag);
                change.ETag = eTag;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
