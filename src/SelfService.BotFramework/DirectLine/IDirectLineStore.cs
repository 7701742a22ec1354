namespace SelfService.BotFramework.DirectLine;

/// <summary>A Direct Line conversation: who it belongs to and how far its transcript has got.</summary>
public sealed record DirectLineConversation(
    string Id,
    string UserId,
    string? UserName,
    DateTime CreatedAtUtc,
    DateTime LastActivityAtUtc,
    long LastSequence);

/// <summary>
/// One activity as the client receives it. <see cref="Sequence"/> orders the conversation and is
/// the basis of the watermark.
/// </summary>
public sealed record StoredActivity(string ConversationId, long Sequence, DateTime TimestampUtc, string Json);

/// <summary>A file a user uploaded into a conversation.</summary>
public sealed record StoredAttachment(
    string Id,
    string ConversationId,
    string Name,
    string ContentType,
    byte[] Content,
    DateTime CreatedAtUtc);

/// <summary>The conversation named does not exist (never started, or purged).</summary>
public sealed class DirectLineConversationNotFoundException(string conversationId)
    : Exception($"Direct Line conversation {conversationId} does not exist.")
{
    public string ConversationId { get; } = conversationId;
}

/// <summary>
/// Durable storage of Direct Line conversations, so a restart loses nothing: a client resumes
/// from its watermark. Implementations must hand out sequence numbers that are unique and
/// gap-free per conversation under concurrent appends.
/// </summary>
public interface IDirectLineStore
{
    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Creates the conversation unless it exists; <c>Created</c> says whether this call created it.</summary>
    Task<(DirectLineConversation Conversation, bool Created)> StartConversationAsync(
        string conversationId, string userId, string? userName, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity with the next sequence number. <paramref name="render"/> receives that
    /// number and returns the activity's JSON, so the id derived from it is stored with it.
    /// </summary>
    /// <exception cref="DirectLineConversationNotFoundException">The conversation does not exist.</exception>
    Task<StoredActivity> AppendActivityAsync(
        string conversationId, DateTime timestampUtc, Func<long, string> render, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="afterSequence"/> in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadActivitiesAsync(
        string conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    Task SaveAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken);

    Task<StoredAttachment?> FindAttachmentAsync(string conversationId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Deletes conversations (with activities and files) whose last activity is before the cutoff; returns how many.</summary>
    Task<int> PurgeAsync(DateTime lastActivityBeforeUtc, CancellationToken cancellationToken);
}
