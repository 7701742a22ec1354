using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// Where the bot keeps, per user and channel, the latest conversation reference, so it can send a
/// proactive message later with <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/>.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves the reference for its user (<c>reference.User.Id</c>) and channel, replacing any older one.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The user's references, one per channel.</summary>
    Task<IReadOnlyList<ConversationReference>> ListByUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Forgets the user's reference on a channel; true if there was one.</summary>
    Task<bool> DeleteAsync(string userId, string channelId, CancellationToken cancellationToken);
}
