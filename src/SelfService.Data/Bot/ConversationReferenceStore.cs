using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.Data.Bot;

/// <summary>Conversation references in the case store, one row per user and channel.</summary>
public sealed class ConversationReferenceStore(CaseStoreDbContext db, TimeProvider clock) : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var (userId, channelId) = MemoryConversationReferenceStore.KeyOf(reference);
        var conversationId = reference.Conversation?.Id
            ?? throw new ArgumentException("A conversation reference needs a conversation id to be saved.", nameof(reference));
        var serviceUrl = reference.ServiceUrl ?? string.Empty;
        var json = JsonSerializer.Serialize(reference, BotJson.Options);
        var now = clock.GetUtcNow().UtcDateTime;

        var records = db.Set<ConversationReferenceRecord>();
        var existing = await records.FindAsync([userId, channelId], cancellationToken);
        if (existing is null)
        {
            records.Add(new ConversationReferenceRecord(userId, channelId, conversationId, serviceUrl, json, now));
        }
        else
        {
            existing.Replace(conversationId, serviceUrl, json, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationReference>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var rows = await db.Set<ConversationReferenceRecord>()
            .AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.ChannelId)
            .Select(r => r.ReferenceJson)
            .ToListAsync(cancellationToken);
        return rows.Select(json => JsonSerializer.Deserialize<ConversationReference>(json, BotJson.Options)!).ToList();
    }

    public async Task<bool> DeleteAsync(string userId, string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(channelId);
        var deleted = await db.Set<ConversationReferenceRecord>()
            .Where(r => r.UserId == userId && r.ChannelId == channelId)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }
}
