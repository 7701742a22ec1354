using System.Text.Json.Nodes;

namespace SelfService.BotFramework.State;

/// <summary>One stored JSON document and the eTag it was read with (or is to be written against).</summary>
public sealed class StoreItem(JsonObject document, string? eTag = null) : IStoreItem
{
    /// <summary>The eTag that overwrites whatever is stored.</summary>
    public const string AnyETag = "*";

    public JsonObject Document { get; } = document ?? throw new ArgumentNullException(nameof(document));

    public string? ETag { get; set; } = eTag;

    /// <summary>A new opaque eTag for a stored version.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");
}
