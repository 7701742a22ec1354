namespace SelfService.BotFramework.State;

/// <summary>
/// Where bot state lives between turns: JSON documents by key, with optimistic concurrency.
/// A write names the eTag it read: it succeeds only if the stored item still has that eTag,
/// otherwise the whole write fails with <see cref="StorageConcurrencyException"/> and nothing of
/// it is stored. No eTag means "this is new" (fails if the key exists); <c>"*"</c> means
/// "overwrite whatever is there". A successful write gives each item its new eTag.
/// </summary>
public interface IStorage
{
    /// <summary>The items that exist, by key; keys with nothing stored are simply absent.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes all the changes or none of them.</summary>
    Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the keys, whatever their eTag; deleting a missing key is not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}

/// <summary>Something kept with an eTag for optimistic concurrency.</summary>
public interface IStoreItem
{
    /// <summary>The version last read or written; null for an item not stored yet; <c>"*"</c> to overwrite.</summary>
    string? ETag { get; set; }
}
