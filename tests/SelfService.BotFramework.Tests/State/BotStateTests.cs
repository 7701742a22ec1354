using System.Text.Json.Nodes;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;
using SelfService.BotFramework.Tests.Dialogs;

namespace SelfService.BotFramework.Tests.State;

public sealed class BotStateTests
{
    private const string Key = "test/conversations/conversation-1";

    private sealed class Counter
    {
        public int Count { get; set; }

        public List<string> Seen { get; set; } = [];
    }

    private static TurnContext Turn(TestAdapter adapter, string text = "hi") => new(adapter, new Activity
    {
        Type = ActivityTypes.Message, Text = text, ChannelId = "test",
        Conversation = new ConversationAccount { Id = "conversation-1" }, From = new ChannelAccount { Id = "user-1" },
    });

    [Fact]
    public async Task Memory_storage_enforces_etags_new_items_and_overwrite()
    {
        var storage = new MemoryStorage();
        var first = new StoreItem(new JsonObject { ["a"] = 1 });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = first });
        Assert.NotNull(first.ETag);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new StoreItem(new JsonObject { ["a"] = 2 }) }));
        var stale = new StoreItem(new JsonObject { ["a"] = 3 }, "stale");
        var e = await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = stale }));
        Assert.Contains("has changed since it was read", e.Message, StringComparison.Ordinal);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new StoreItem(new JsonObject { ["a"] = 4 }, first.ETag) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new StoreItem(new JsonObject { ["a"] = 5 }, StoreItem.AnyETag) });
        Assert.Equal(5, (await storage.ReadAsync(["k"]))["k"].Document["a"]!.GetValue<int>());

        // All or nothing: one stale item stops the whole write.
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["new"] = new StoreItem(new JsonObject()),
            ["k"] = new StoreItem(new JsonObject(), "stale"),
        }));
        Assert.False((await storage.ReadAsync(["new"])).ContainsKey("new"));

        await storage.DeleteAsync(["k", "missing"]);
        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task A_property_round_trips_and_the_same_object_is_returned_within_a_turn()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<Counter>("counter");
        var adapter = new TestAdapter();

        var turn = Turn(adapter);
        var value = await counter.GetAsync(turn, () => new Counter());
        value.Count++;
        value.Seen.Add("one");
        Assert.Same(value, await counter.GetAsync(turn));
        await state.SaveChangesAsync(turn);

        var next = Turn(adapter);
        var reloaded = await new ConversationState(storage).CreateProperty<Counter>("counter").GetAsync(next);
        Assert.Equal(1, reloaded.Count);
        Assert.Equal(["one"], reloaded.Seen);
    }

    [Fact]
    public async Task Save_writes_only_when_something_changed()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        var turn = Turn(adapter);
        await state.CreateProperty<string>("name").SetAsync(turn, "Helen");
        await state.SaveChangesAsync(turn);
        var eTag = (await storage.ReadAsync([Key]))[Key].ETag;

        var unchanged = Turn(adapter);
        Assert.Equal("Helen", await state.CreateProperty<string>("name").GetAsync(unchanged));
        await state.SaveChangesAsync(unchanged);
        Assert.Equal(eTag, (await storage.ReadAsync([Key]))[Key].ETag);

        var deleted = Turn(adapter);
        await state.CreateProperty<string>("name").DeleteAsync(deleted);
        await state.SaveChangesAsync(deleted);
        Assert.NotEqual(eTag, (await storage.ReadAsync([Key]))[Key].ETag);
        Assert.False((await storage.ReadAsync([Key]))[Key].Document.ContainsKey("name"));
    }

    [Fact]
    public async Task Two_turns_racing_on_one_conversation_one_wins_whole_and_the_other_is_told()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        var seed = Turn(adapter);
        await state.CreateProperty<Counter>("counter").SetAsync(seed, new Counter { Count = 1, Seen = ["seed"] });
        await state.SaveChangesAsync(seed);

        // Both turns read the stored state before either saves: the second to save must lose.
        using var bothLoaded = new Barrier(2);
        var firstSaved = new TaskCompletionSource();
        async Task Bot(ITurnContext turn, string name, bool waitForOther, CancellationToken ct)
        {
            var counter = await state.CreateProperty<Counter>("counter").GetAsync(turn, () => new Counter(), ct);
            counter.Count++;
            counter.Seen.Add(name);
            await state.CreateProperty<string>(name).SetAsync(turn, "was here", ct);
            await Task.Run(() => bothLoaded.SignalAndWait(), ct);
            if (waitForOther)
            {
                await firstSaved.Task;
            }
        }

        var winner = adapter.ProcessActivityAsync(new Activity { Text = "first" }, async (t, ct) => await Bot(t, "first", false, ct));
        var loser = adapter.ProcessActivityAsync(new Activity { Text = "second" }, async (t, ct) => await Bot(t, "second", true, ct));
        await winner;
        firstSaved.SetResult();
        await loser;

        var stored = (await storage.ReadAsync([Key]))[Key].Document;
        Assert.Equal(2, stored["counter"]!["count"]!.GetValue<int>());
        Assert.Equal(["seed", "first"], stored["counter"]!["seen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(stored.ContainsKey("first"));
        Assert.False(stored.ContainsKey("second"), "the loser's changes must not be merged in");
        Assert.Equal(AutoSaveStateMiddleware.LostRaceText, Assert.Single(adapter.Replies).Text);
    }

    [Fact]
    public async Task Clean_up_after_a_lost_race_keeps_the_winners_state()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        var a = Turn(adapter);
        var b = Turn(adapter);
        await state.CreateProperty<string>("x").SetAsync(a, "a");
        await state.CreateProperty<string>("x").SetAsync(b, "b");
        await state.SaveChangesAsync(a);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(b));

        await new ConversationStateCleaner(state).ClearAsync(b, CancellationToken.None);
        Assert.Equal("a", (await storage.ReadAsync([Key]))[Key].Document["x"]!.GetValue<string>());

        var c = Turn(adapter);
        await new ConversationStateCleaner(state).ClearAsync(c, CancellationToken.None);
        Assert.Empty(await storage.ReadAsync([Key]));
    }

    [Fact]
    public async Task User_state_is_kept_per_user_across_conversations()
    {
        var storage = new MemoryStorage();
        var users = new UserState(storage);
        var adapter = new TestAdapter();
        var turn = Turn(adapter);
        await users.CreateProperty<string>("name").SetAsync(turn, "Aisha");
        await users.SaveChangesAsync(turn);

        Assert.Equal("Aisha", (await storage.ReadAsync(["test/users/user-1"]))["test/users/user-1"].Document["name"]!.GetValue<string>());
    }
}
