using Microsoft.EntityFrameworkCore;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Storage;

namespace SelfService.Web.Chat;

/// <summary>
/// The conversation reference store, plus: when a signed-in family starts a conversation the
/// bot had no reference for, their waiting case updates become due at once and the delivery
/// worker is woken, so what waited for them arrives as they connect.
/// </summary>
internal sealed class WakingConversationReferenceStore(
    IConversationReferenceStore inner, IServiceScopeFactory scopes, ChatDeliverySignal signal, TimeProvider time) : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var userId = reference.User?.Id;
        if (!ChatUsers.TryGetAccountId(userId, out var accountId))
        {
            await inner.SaveAsync(reference, cancellationToken);
            return;
        }

        var known = await inner.ListByUserAsync(userId!, cancellationToken);
        var isNew = !known.Any(r => r.ChannelId == reference.ChannelId && r.Conversation?.Id == reference.Conversation?.Id);
        await inner.SaveAsync(reference, cancellationToken);
        if (isNew)
        {
            await MakeWaitingUpdatesDueAsync(accountId, cancellationToken);
            signal.Notify();
        }
    }

    public Task<IReadOnlyList<ConversationReference>> ListByUserAsync(string userId, CancellationToken cancellationToken) =>
        inner.ListByUserAsync(userId, cancellationToken);

    public Task<bool> DeleteAsync(string userId, string channelId, CancellationToken cancellationToken) =>
        inner.DeleteAsync(userId, channelId, cancellationToken);

    private async Task MakeWaitingUpdatesDueAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var email = await db.Set<UserAccount>().AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Only rows nobody holds: a claimed one is being delivered already.
        await db.Set<OutboxMessage>()
            .Where(m => m.Recipient == email && m.Kind.StartsWith(OutboxChat.KindPrefix) && m.SentAtUtc == null
                && m.NextAttemptAtUtc > now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken);
    }
}
