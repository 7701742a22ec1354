namespace SelfService.BotFramework.State;

/// <summary>
/// A write named an eTag that is no longer the stored one (or wrote a "new" item that already
/// exists): someone else wrote the item since it was read. Nothing of the write was stored.
/// </summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException(string key, string? expectedETag, Exception? innerException = null)
        : base(expectedETag is null
            ? $"Bot state '{key}' was written as new, but it already exists: another turn stored it first."
            : $"Bot state '{key}' has changed since it was read (expected eTag '{expectedETag}'): another turn stored it first.", innerException)
    {
        Key = key;
        ExpectedETag = expectedETag;
    }

    public StorageConcurrencyException() : this("(unknown)", expectedETag: null) { }

    public StorageConcurrencyException(string message) : base(message) => Key = string.Empty;

    public StorageConcurrencyException(string message, Exception innerException) : base(message, innerException) => Key = string.Empty;

    public string Key { get; }

    public string? ExpectedETag { get; }
}
