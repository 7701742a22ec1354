using System.Collections.Concurrent;
using System.Text.Json;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>Conversation references held in memory (tests, or a host without a database).</summary>
public sealed class MemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string UserId, string ChannelId), string> _references = new();

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var (userId, channelId) = KeyOf(reference);
        // Stored as JSON so later changes to the caller's object do not leak in.
        _references[(userId, channelId)] = JsonSerializer.Serialize(reference, BotJson.Options);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationReference>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConversationReference> found = _references
            .Where(p => p.Key.UserId == userId)
            .OrderBy(p => p.Key.ChannelId, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Deserialize<ConversationReference>(p.Value, BotJson.Options)!)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<bool> DeleteAsync(string userId, string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.TryRemove((userId, channelId), out _));

    /// <summary>The user id and channel a reference is filed under; both are required.</summary>
    public static (string UserId, string ChannelId) KeyOf(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var userId = reference.User?.Id;
        var channelId = reference.ChannelId;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId))
        {
            throw new ArgumentException("A conversation reference needs a user id and a channel id to be saved.", nameof(reference));
        }

        return (userId, channelId);
    }
}
