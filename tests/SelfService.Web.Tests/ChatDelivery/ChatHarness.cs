using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.DirectLine;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Storage;
using SelfService.Web.Chat;

namespace SelfService.Web.Tests.ChatDelivery;

/// <summary>A family's side of the chat, over the app's real Direct Line endpoints, and the outbox rows about them.</summary>
internal static class ChatHarness
{
    public static async Task<Guid> AccountAsync(WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var normalised = AccountEmail.Normalise(email);
        var existing = await db.Set<UserAccount>().Where(a => a.Email == normalised).Select(a => a.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }

        var account = new UserAccount(Guid.NewGuid(), normalised, DateTime.UtcNow);
        db.Set<UserAccount>().Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>
    /// Opens a conversation as the portal's page does: a token minted for <c>u:{account}</c>, the
    /// conversation started, and the page's join event sent (which records where to reach them).
    /// </summary>
    public static async Task<Conversation> ConnectAsync(WebApplicationFactory<Program> app, HttpClient client, Guid accountId)
    {
        var minted = app.Services.GetRequiredService<DirectLineTokens>().Generate(ChatUsers.ForAccount(accountId), null);
        using (var start = Request(HttpMethod.Post, "/v3/directline/conversations", minted.Token))
        {
            using var started = await client.SendAsync(start);
            started.EnsureSuccessStatusCode();
        }

        var conversation = new Conversation(minted.ConversationId, minted.Token);
        await JoinAsync(client, conversation);
        return conversation;
    }

    public static async Task JoinAsync(HttpClient client, Conversation conversation)
    {
        using var join = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token);
        join.Content = JsonContent.Create(new { type = "event", name = "webchat/join", from = new { id = "ignored-the-token-decides" } });
        using var joined = await client.SendAsync(join);
        joined.EnsureSuccessStatusCode();
    }

    /// <summary>The case updates in the conversation's transcript, read as a client reconnecting from the start does.</summary>
    public static async Task<List<JsonElement>> CaseUpdatesAsync(HttpClient client, Conversation conversation)
    {
        using var poll = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities?watermark=", conversation.Token);
        using var response = await client.SendAsync(poll);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities").EnumerateArray()
            .Where(a => a.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("kind", out var kind) && kind.GetString() == CaseUpdateMessage.ChannelDataKind)
            .Select(a => a.Clone())
            .ToList();
    }

    public static async Task<List<OutboxMessage>> EnqueueAsync(WebApplicationFactory<Program> app, string email, int count, string caseReference = "EHC-2026-000042")
    {
        var messages = Enumerable.Range(1, count)
            .Select(i => OutboxChat.Create(DateTime.UtcNow, "caseUpdate", AccountEmail.Normalise(email), $"Update {i}: we have decided to carry out an assessment.", caseReference, $"/cases/{caseReference}"))
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

    public static string Text(JsonElement activity) => activity.GetProperty("text").GetString() ?? string.Empty;

    private static HttpRequestMessage Request(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}

internal sealed record Conversation(string Id, string Token);
