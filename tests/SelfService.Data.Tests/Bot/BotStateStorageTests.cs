using System.Text.Json.Nodes;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;
using SelfService.Data.Bot;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests.Bot;

public abstract class BotStateStorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private BotStateStorage Storage => new(database.Options);

    private static Dictionary<string, StoreItem> One(string key, StoreItem item) => new(StringComparer.Ordinal) { [key] = item };

    private static string NewKey() => $"test/conversations/{Guid.NewGuid():N}";

    [Fact]
    public async Task A_document_round_trips_with_a_new_etag_on_every_write()
    {
        var key = NewKey();
        var item = new StoreItem(new JsonObject { ["name"] = "Helen", ["stack"] = new JsonArray(1, 2) });
        await Storage.WriteAsync(One(key, item));
        var first = item.ETag;

        var read = (await Storage.ReadAsync([key, "missing"]))[key];
        Assert.Equal(first, read.ETag);
        Assert.Equal("""{"name":"Helen","stack":[1,2]}""", read.Document.ToJsonString());

        read.Document["name"] = "Sam";
        await Storage.WriteAsync(One(key, read));
        Assert.NotEqual(first, read.ETag);
        Assert.Equal("Sam", (await Storage.ReadAsync([key]))[key].Document["name"]!.GetValue<string>());
        Assert.False((await Storage.ReadAsync(["missing"])).ContainsKey("missing"));
    }

    [Fact]
    public async Task A_stale_etag_or_a_new_item_that_exists_fails_and_stores_nothing()
    {
        var key = NewKey();
        var item = new StoreItem(new JsonObject { ["v"] = 1 });
        await Storage.WriteAsync(One(key, item));

        var stale = await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["v"] = 2 }, "stale"))));
        Assert.Equal(key, stale.Key);
        var duplicate = await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["v"] = 3 }))));
        Assert.Contains("already exists", duplicate.Message, StringComparison.Ordinal);

        var other = NewKey();
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(new Dictionary<string, StoreItem>(StringComparer.Ordinal)
        {
            [other] = new StoreItem(new JsonObject { ["v"] = 4 }),
            [key] = new StoreItem(new JsonObject { ["v"] = 5 }, "stale"),
        }));

        var stored = await Storage.ReadAsync([key, other]);
        Assert.Equal(1, stored[key].Document["v"]!.GetValue<int>());
        Assert.Equal(item.ETag, stored[key].ETag);
        Assert.False(stored.ContainsKey(other), "a failed write stores none of its items");
    }

    [Fact]
    public async Task Star_overwrites_whatever_is_there_or_creates_it_and_delete_removes()
    {
        var key = NewKey();
        await Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["v"] = 1 }, StoreItem.AnyETag)));
        await Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["v"] = 2 }, StoreItem.AnyETag)));
        Assert.Equal(2, (await Storage.ReadAsync([key]))[key].Document["v"]!.GetValue<int>());

        await Storage.DeleteAsync([key, "missing"]);
        Assert.Empty(await Storage.ReadAsync([key]));
    }

    [Fact]
    public async Task Writers_racing_from_one_read_exactly_one_wins_and_its_document_is_stored_whole()
    {
        var key = NewKey();
        await Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["turn"] = "seed" })));
        var read = (await Storage.ReadAsync([key]))[key];

        var writers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var document = new JsonObject { ["turn"] = $"writer {i}", [$"only-{i}"] = true };
            try
            {
                await Storage.WriteAsync(One(key, new StoreItem(document, read.ETag)));
                return (Index: i, Won: true);
            }
            catch (StorageConcurrencyException)
            {
                return (Index: i, Won: false);
            }
        })).ToList();
        var results = await Task.WhenAll(writers);

        var winner = Assert.Single(results, r => r.Won);
        var stored = (await Storage.ReadAsync([key]))[key].Document;
        Assert.Equal($$"""{"turn":"writer {{winner.Index}}","only-{{winner.Index}}":true}""", stored.ToJsonString());
    }

    [Fact]
    public async Task New_conversations_racing_to_be_created_exactly_one_wins()
    {
        var key = NewKey();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await Storage.WriteAsync(One(key, new StoreItem(new JsonObject { ["writer"] = i })));
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Two_turns_racing_on_one_conversation_one_wins_and_the_other_is_told_with_no_merge()
    {
        var storage = Storage;
        var state = new ConversationState(storage);
        var adapter = new RecordingAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        var conversation = Guid.NewGuid().ToString("N");
        var stack = state.CreateProperty<List<string>>("stack");
        await adapter.RunAsync(conversation, "seed", async (turn, ct) => (await stack.GetAsync(turn, () => [], ct)).Add("seed"));

        var bothRead = new TaskCompletionSource();
        var readers = 0;
        var firstDone = new TaskCompletionSource();
        async Task TurnAsync(ITurnContext turn, string name, CancellationToken ct)
        {
            (await stack.GetAsync(turn, () => [], ct)).Add(name);
            await state.CreateProperty<bool>(name).SetAsync(turn, true, ct);
            if (Interlocked.Increment(ref readers) == 2)
            {
                bothRead.SetResult();
            }

            await bothRead.Task;
            if (name == "second")
            {
                await firstDone.Task;
            }
        }

        var first = adapter.RunAsync(conversation, "first", (t, ct) => TurnAsync(t, "first", ct));
        var second = adapter.RunAsync(conversation, "second", (t, ct) => TurnAsync(t, "second", ct));
        await first;
        firstDone.SetResult();
        await second;

        var stored = (await storage.ReadAsync([$"test/conversations/{conversation}"])).Single().Value.Document;
        Assert.Equal("""{"stack":["seed","first"],"first":true}""", stored.ToJsonString());
        Assert.Equal([AutoSaveStateMiddleware.LostRaceText], adapter.Sent.Select(a => a.Text));
    }

    private sealed class RecordingAdapter : BotAdapter
    {
        public List<Activity> Sent { get; } = [];

        public Task RunAsync(string conversationId, string text, BotCallbackHandler bot) =>
            RunPipelineAsync(new TurnContext(this, new Activity
            {
                Type = ActivityTypes.Message, Text = text, ChannelId = "test",
                Conversation = new ConversationAccount { Id = conversationId }, From = new ChannelAccount { Id = "user" },
            }), bot, CancellationToken.None);

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            lock (Sent)
            {
                Sent.AddRange(activities);
            }

            return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(new ResourceResponse());

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class SqliteBotStateStorageTests(SqliteTestDatabase database) : BotStateStorageTests<SqliteTestDatabase>(database);

public sealed class PostgresBotStateStorageTests(PostgresTestDatabase database) : BotStateStorageTests<PostgresTestDatabase>(database);
