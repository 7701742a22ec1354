namespace SelfService.Data.Bot;

/// <summary>One bot state document (a conversation's dialog stack, a user's answers) as stored.</summary>
public sealed class BotStateRecord
{
    public const int KeyLength = 500;
    public const int ETagLength = 64;

    /// <summary>The state's key, such as <c>directline/conversations/{id}</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The state as JSON text.</summary>
    public required string Document { get; set; }

    /// <summary>Changes on every write; a write must name the one it read (optimistic concurrency).</summary>
    public required string ETag { get; set; }

    /// <summary>When it was last written, so old conversations' state can be purged.</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
