using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

public sealed class ConversationReferenceTests
{
    private static async Task<MemoryConversationReferenceStore> RunTurn(Activity activity, bool authenticated = true)
    {
        var store = new MemoryConversationReferenceStore();
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));
        adapter.Use(new ConversationReferenceMiddleware(store));
        if (authenticated)
        {
            await adapter.ProcessActivityAsync(Turns.Identity, activity, (_, _) => Task.CompletedTask, default);
        }
        else
        {
            await new MiddlewareSet().Use(new ConversationReferenceMiddleware(store))
                .ReceiveActivityWithStatusAsync(new TurnContext(adapter, activity), null, default);
        }

        return store;
    }

    [Fact]
    public async Task A_users_message_saves_their_conversation_reference()
    {
        var store = await RunTurn(Turns.Message("hi"));

        var saved = Assert.Single(await store.ListByUserAsync("user-1", default));
        Assert.Equal("conv-1", saved.Conversation!.Id);
        Assert.Equal("https://channel.example/", saved.ServiceUrl);
        Assert.Equal("bot-1", saved.Bot!.Id);
    }

    [Fact]
    public async Task Unauthenticated_bot_sent_and_proactive_turns_save_nothing()
    {
        Assert.Empty(await (await RunTurn(Turns.Message("hi"), authenticated: false)).ListByUserAsync("user-1", default));

        var fromBot = Turns.Message("hi");
        fromBot.From!.Role = RoleTypes.Bot;
        Assert.Empty(await (await RunTurn(fromBot)).ListByUserAsync("user-1", default));

        var proactive = Turns.Message("hi").GetConversationReference().GetContinuationActivity();
        Assert.Empty(await (await RunTurn(proactive)).ListByUserAsync("user-1", default));

        Assert.Empty(await (await RunTurn(Turns.OfType(ActivityTypes.Typing))).ListByUserAsync("user-1", default));
    }

    [Fact]
    public async Task The_store_keeps_the_latest_reference_per_user_and_channel()
    {
        var store = new MemoryConversationReferenceStore();
        var first = Turns.Message("a").GetConversationReference();
        var second = Turns.Message("b").GetConversationReference();
        second.Conversation = new ConversationAccount("conv-2");
        var teams = Turns.Message("c", Channels.Msteams).GetConversationReference();

        await store.SaveAsync(first, default);
        await store.SaveAsync(second, default);
        await store.SaveAsync(teams, default);

        var references = await store.ListByUserAsync("user-1", default);
        Assert.Equal([Channels.Msteams, Channels.Test], references.Select(r => r.ChannelId));
        Assert.Equal("conv-2", references.Single(r => r.ChannelId == Channels.Test).Conversation!.Id);

        Assert.True(await store.DeleteAsync("user-1", Channels.Msteams, default));
        Assert.False(await store.DeleteAsync("user-1", Channels.Msteams, default));
        Assert.Single(await store.ListByUserAsync("user-1", default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new ConversationReference(), default));
    }
}
