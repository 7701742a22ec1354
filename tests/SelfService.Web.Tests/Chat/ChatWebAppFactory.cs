using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.DirectLine;
using SelfService.BotFramework.Schema;
using SelfService.Data.Accounts;
using SelfService.Dialogs.Conversations;
using SelfService.Web.Bot;
using SelfService.Web.Tests.Bot;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.DirectLine;

namespace SelfService.Web.Tests.Chat;

/// <summary>
/// The real host with the demo cast and the product's bot, reachable the two ways a chat is:
/// the in-process Direct Line channel (tokens minted as the portal mints them) and
/// <c>/api/messages</c> (replies land on a loopback channel).
/// </summary>
public sealed class ChatWebAppFactory : SeededWebAppFactory, IAsyncLifetime
{
    private LoopbackChannel? _channel;

    public LoopbackChannel Channel => _channel ?? throw new InvalidOperationException("The loopback channel has not started.");

    public async Task InitializeAsync() => _channel = await LoopbackChannel.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DirectLine:Secret", DirectLineAppFactory.Secret);
        builder.UseSetting("DirectLine:TokenSigningKey", DirectLineAppFactory.SigningKey);
    }

    /// <summary>The account id of someone who has signed in to the portal (signing them in first).</summary>
    public async Task<Guid> AccountIdAsync(string email)
    {
        await ClientForAsync(email);
        return await WithStoreAsync(db => db.Set<UserAccount>().Where(a => a.Email == email).Select(a => a.Id).SingleAsync());
    }

    /// <summary>A Web Chat conversation as the portal would open it for a signed-in account.</summary>
    public async Task<WebChat> WebChatForAsync(string email) => await WebChatAsync(ChatUserIds.ForAccount(await AccountIdAsync(email)));

    public async Task<WebChat> WebChatAsync(string userId)
    {
        var client = CreateClient();
        var minted = Services.GetRequiredService<DirectLineTokens>().Generate(userId, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", minted.Token);
        using var started = await client.PostAsync("/v3/directline/conversations", null);
        started.EnsureSuccessStatusCode();
        var chat = new WebChat(client, minted.ConversationId, userId);
        await chat.RepliesAsync(); // the greeting, read past
        return chat;
    }

    /// <summary>Sends a message on another channel through <c>/api/messages</c> and returns the bot's replies.</summary>
    public async Task<IReadOnlyList<Activity>> ViaApiMessagesAsync(string channelId, string userId, string conversationId, string? text, JsonElement? value = null)
    {
        var before = Channel.ForConversation(conversationId).Count;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"act-{Guid.NewGuid():N}",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = channelId,
            ServiceUrl = Channel.ServiceUrl,
            From = new ChannelAccount(userId, "Helen Carter", RoleTypes.User),
            Recipient = new ChannelAccount("bot-1", "SEND assistant", RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            Locale = "en-GB",
            Text = text,
            Value = value,
        };
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(BotHosting.MessagesPath, activity, BotJson.Options);
        response.EnsureSuccessStatusCode();
        return Channel.ForConversation(conversationId).Skip(before).Select(p => p.Activity).ToList();
    }
}

/// <summary>One Web Chat conversation over Direct Line 3.0: send, then read what the bot said since.</summary>
public sealed class WebChat(HttpClient client, string conversationId, string userId) : IDisposable
{
    private string _watermark = string.Empty;

    public string ConversationId => conversationId;

    public async Task<IReadOnlyList<JsonElement>> SayAsync(string text) =>
        await SendAsync(new { type = "message", from = new { id = userId }, text });

    /// <summary>An Adaptive Card's Action.Submit, as Web Chat posts it: the data merged with the inputs, in <c>value</c>.</summary>
    public async Task<IReadOnlyList<JsonElement>> SubmitAsync(object value) =>
        await SendAsync(new { type = "message", from = new { id = userId }, value, channelData = new { postBack = true } });

    public async Task<IReadOnlyList<JsonElement>> SendAsync(object activity)
    {
        using var sent = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", activity);
        sent.EnsureSuccessStatusCode();
        return await RepliesAsync();
    }

    /// <summary>The bot's activities since the last read.</summary>
    public async Task<IReadOnlyList<JsonElement>> RepliesAsync()
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities?watermark={Uri.EscapeDataString(_watermark)}");
        _watermark = body.GetProperty("watermark").GetString() ?? _watermark;
        return body.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("from").GetProperty("id").GetString() != userId)
            .Select(a => a.Clone())
            .ToList();
    }

    public void Dispose() => client.Dispose();

    public static string Texts(IEnumerable<JsonElement> activities) =>
        string.Join("\n", activities.Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString()));

    public static IReadOnlyList<JsonElement> Cards(IEnumerable<JsonElement> activities) =>
        activities.Where(a => a.TryGetProperty("attachments", out _))
            .SelectMany(a => a.GetProperty("attachments").EnumerateArray())
            .Select(a => a.GetProperty("content"))
            .ToList();

    /// <summary>What a user sees of the replies, without the ids and times the channel stamps: text, cards and suggested actions.</summary>
    public static string Visible(IEnumerable<JsonElement> activities) =>
        string.Join("\n---\n", activities.Select(a => string.Join("|",
            a.TryGetProperty("text", out var t) ? t.GetRawText() : "",
            a.TryGetProperty("attachments", out var at) ? at.GetRawText() : "",
            a.TryGetProperty("suggestedActions", out var s) ? s.GetRawText() : "")));
}
