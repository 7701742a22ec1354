using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Storage;

namespace SelfService.Web.Tests.Email;

/// <summary>Puts emails in the app's outbox, as a case command would, and reads their rows back.</summary>
internal static class Outbox
{
    public static async Task<List<OutboxMessage>> EnqueueAsync(WebApplicationFactory<Program> app, int count, string to = "helen.carter@example.com")
    {
        var messages = Enumerable.Range(1, count)
            .Select(i => OutboxEmail.Create(DateTime.UtcNow, "test", to, $"Test message {i}", $"Message number {i} about Sam Carter.\nWhat happens next: nothing, it is a test."))
            .ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        db.Set<OutboxMessage>().AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    public static async Task<OutboxMessage> ReadAsync(WebApplicationFactory<Program> app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<int> PendingAsync(WebApplicationFactory<Program> app, IEnumerable<Guid> ids)
    {
        var set = ids.ToList();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<OutboxMessage>()
            .CountAsync(m => set.Contains(m.Id) && m.SentAtUtc == null);
    }

    public static string MessageId(OutboxMessage message) => $"<{message.Id:N}@selfservice.outbox>";
}
