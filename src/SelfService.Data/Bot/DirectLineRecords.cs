namespace SelfService.Data.Bot;

/// <summary>A row of <c>DirectLineConversations</c>; <see cref="LastSequence"/> hands out the next activity's sequence number.</summary>
public sealed class DirectLineConversationRecord
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public string? UserName { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime LastActivityAtUtc { get; set; }

    public long LastSequence { get; set; }
}

/// <summary>A row of <c>DirectLineActivities</c>: the activity's JSON exactly as clients receive it.</summary>
public sealed class DirectLineActivityRecord
{
    public required string ConversationId { get; init; }

    public long Sequence { get; init; }

    public DateTime TimestampUtc { get; init; }

    public required string Json { get; init; }
}

/// <summary>A row of <c>DirectLineAttachments</c>: a file a user uploaded, kept with its conversation.</summary>
public sealed class DirectLineAttachmentRecord
{
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

#pragma warning disable CA1819 // The file's bytes, read and written whole.
    public required byte[] Content { get; init; }
#pragma warning restore CA1819

    public DateTime CreatedAtUtc { get; init; }
}
