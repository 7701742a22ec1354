namespace SelfService.BotFramework.Builder;

/// <summary>Values kept for the length of one turn, by key or by type.</summary>
public sealed class TurnContextStateCollection
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public T? Get<T>(string key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.TryGetValue(key, out var value) ? value as T : null;
    }

    /// <summary>The value stored under the type's full name.</summary>
    public T? Get<T>()
        where T : class => Get<T>(KeyOf<T>());

    public void Set<T>(string key, T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    public void Set<T>(T? value)
        where T : class => Set(KeyOf<T>(), value);

    /// <summary>Stores a value that must not already be there (a programming error if it is).</summary>
    public void Add<T>(string key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.TryAdd(key, value))
        {
            throw new ArgumentException($"Turn state already holds a value for '{key}'.", nameof(key));
        }
    }

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool Remove(string key) => _values.Remove(key);

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
