using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Data.Bot;

namespace SelfService.Web.Bot;

/// <summary>
/// The case store's conversation references for the singleton adapter: each call gets its own
/// scope (and so its own DbContext), since a turn's middleware outlives no request but the
/// adapter outlives them all.
/// </summary>
internal sealed class ScopedConversationReferenceStore(IServiceScopeFactory scopes) : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().SaveAsync(reference, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationReference>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().ListByUserAsync(userId, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string userId, string channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().DeleteAsync(userId, channelId, cancellationToken);
    }
}
