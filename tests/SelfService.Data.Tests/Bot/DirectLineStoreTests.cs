using SelfService.BotFramework.DirectLine;
using SelfService.Data.Bot;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests.Bot;

public abstract class DirectLineStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Started = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Starting_a_conversation_twice_creates_it_once()
    {
        var id = NewId();
        await using var db = database.NewContext();
        var store = new DirectLineStore(db);

        var (first, created) = await store.StartConversationAsync(id, "user-1", "Helen", Started, default);
        var (second, createdAgain) = await store.StartConversationAsync(id, "user-1", "Helen", Started.AddMinutes(1), default);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first, second);
        Assert.Equal(new DirectLineConversation(id, "user-1", "Helen", Started, Started, 0), second);
    }

    [Fact]
    public async Task Concurrent_starts_of_one_conversation_agree_on_a_single_creation()
    {
        var id = NewId();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new DirectLineStore(db).StartConversationAsync(id, "user-1", null, Started, default);
        }));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(id, r.Conversation.Id));
    }

    [Fact]
    public async Task Appended_activities_get_consecutive_sequence_numbers_and_read_back_after_a_watermark()
    {
        var id = await StartAsync();
        await using (var db = database.NewContext())
        {
            var store = new DirectLineStore(db);
            for (var i = 1; i <= 5; i++)
            {
                var stored = await store.AppendActivityAsync(id, Started.AddSeconds(i), sequence => $$"""{"id":"{{id}}|{{sequence}}","n":{{i}}}""", default);
                Assert.Equal(i, stored.Sequence);
            }
        }

        // A new context, as after a restart: nothing is held in memory.
        await using var reader = database.NewContext();
        var store2 = new DirectLineStore(reader);
        var all = await store2.ReadActivitiesAsync(id, 0, 100, default);
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(a => a.Sequence));
        Assert.Equal($$"""{"id":"{{id}}|3","n":3}""", all[2].Json);
        Assert.Equal(Started.AddSeconds(3), all[2].TimestampUtc);
        Assert.Equal(DateTimeKind.Utc, all[2].TimestampUtc.Kind);

        var afterThree = await store2.ReadActivitiesAsync(id, 3, 100, default);
        Assert.Equal([4L, 5], afterThree.Select(a => a.Sequence));
        Assert.Equal([1L, 2], (await store2.ReadActivitiesAsync(id, 0, 2, default)).Select(a => a.Sequence));
        Assert.Empty(await store2.ReadActivitiesAsync(id, 5, 100, default));

        var conversation = await store2.FindConversationAsync(id, default);
        Assert.Equal(5, conversation!.LastSequence);
        Assert.Equal(Started.AddSeconds(5), conversation.LastActivityAtUtc);
    }

    [Fact]
    public async Task Concurrent_appends_never_share_or_skip_a_sequence_number()
    {
        var id = await StartAsync();
        var other = await StartAsync();
        const int Writers = 24;
        var sequences = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            await using var db = database.NewContext();
            var store = new DirectLineStore(db);
            var mine = await store.AppendActivityAsync(id, Started, s => $$"""{"s":{{s}}}""", default);
            await store.AppendActivityAsync(other, Started, s => $$"""{"s":{{s}}}""", default);
            return mine.Sequence;
        }));

        Assert.Equal(Enumerable.Range(1, Writers).Select(i => (long)i), sequences.Order());
        await using var reader = database.NewContext();
        var stored = await new DirectLineStore(reader).ReadActivitiesAsync(id, 0, 1000, default);
        Assert.All(stored, a => Assert.Equal($$"""{"s":{{a.Sequence}}}""", a.Json));
        Assert.Equal(Writers, (await new DirectLineStore(reader).ReadActivitiesAsync(other, 0, 1000, default)).Count);
    }

    [Fact]
    public async Task Appending_to_a_conversation_that_does_not_exist_says_so()
    {
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<DirectLineConversationNotFoundException>(
            () => new DirectLineStore(db).AppendActivityAsync("no-such-conversation", Started, _ => "{}", default));
        Assert.Equal("no-such-conversation", error.ConversationId);
        Assert.Null(await new DirectLineStore(db).FindConversationAsync("no-such-conversation", default));
    }

    [Fact]
    public async Task Uploaded_files_are_kept_with_their_conversation_only()
    {
        var id = await StartAsync();
        var other = await StartAsync();
        var content = new byte[] { 0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255 };
        await using (var db = database.NewContext())
        {
            await new DirectLineStore(db).SaveAttachmentAsync(new StoredAttachment("file-" + id, id, "letter.png", "image/png", content, Started), default);
        }

        await using var reader = database.NewContext();
        var store = new DirectLineStore(reader);
        var found = await store.FindAttachmentAsync(id, "file-" + id, default);
        Assert.NotNull(found);
        Assert.Equal(content, found.Content);
        Assert.Equal(("letter.png", "image/png", Started), (found.Name, found.ContentType, found.CreatedAtUtc));
        Assert.Null(await store.FindAttachmentAsync(other, "file-" + id, default));
    }

    [Fact]
    public async Task Purge_deletes_idle_conversations_with_their_activities_and_files_and_keeps_recent_ones()
    {
        var idle = await StartAsync(Started.AddDays(-400));
        var recent = await StartAsync(Started.AddDays(-400));
        await using (var db = database.NewContext())
        {
            var store = new DirectLineStore(db);
            await store.AppendActivityAsync(idle, Started.AddDays(-400), _ => "{}", default);
            await store.SaveAttachmentAsync(new StoredAttachment("file-" + idle, idle, "a.txt", "text/plain", [1], Started.AddDays(-400)), default);

            // A reply today keeps the other conversation alive, however old it is.
            await store.AppendActivityAsync(recent, Started, _ => "{}", default);
        }

        await using var purger = database.NewContext();
        var purged = await new DirectLineStore(purger).PurgeAsync(Started.AddDays(-30), default);

        Assert.True(purged >= 1);
        await using var reader = database.NewContext();
        var check = new DirectLineStore(reader);
        Assert.Null(await check.FindConversationAsync(idle, default));
        Assert.Empty(await check.ReadActivitiesAsync(idle, 0, 10, default));
        Assert.Null(await check.FindAttachmentAsync(idle, "file-" + idle, default));
        Assert.NotNull(await check.FindConversationAsync(recent, default));
        Assert.Single(await check.ReadActivitiesAsync(recent, 0, 10, default));
    }

    private static string NewId() => "conv-" + Guid.NewGuid().ToString("N");

    private async Task<string> StartAsync(DateTime? at = null)
    {
        var id = NewId();
        await using var db = database.NewContext();
        await new DirectLineStore(db).StartConversationAsync(id, "user-" + id, null, at ?? Started, default);
        return id;
    }
}

public sealed class SqliteDirectLineStoreTests(SqliteTestDatabase database) : DirectLineStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresDirectLineStoreTests(PostgresTestDatabase database) : DirectLineStoreTests<PostgresTestDatabase>(database);
