using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfService.BotFramework.Schema;
using SelfService.Data.Bot;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests.Bot;

public abstract class ConversationReferenceStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddMinutes(1);
    }

    private readonly SteppingClock _clock = new();

    private static ConversationReference Reference(string userId, string channelId, string conversationId) => new()
    {
        ActivityId = "act-1",
        User = new ChannelAccount(userId, "Helen Carter", RoleTypes.User),
        Bot = new ChannelAccount("bot-1", "SEND helper", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId) { TenantId = "tenant-1", ConversationType = "personal" },
        ChannelId = channelId,
        Locale = "en-GB",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Properties = new() { ["channelSpecific"] = JsonSerializer.SerializeToElement(new { keep = "me" }) },
    };

    private async Task Use(Func<ConversationReferenceStore, Task> action)
    {
        await using var db = database.NewContext();
        await action(new ConversationReferenceStore(db, _clock));
    }

    [Fact]
    public async Task A_saved_reference_comes_back_whole_including_fields_a_channel_added()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        await Use(store => store.SaveAsync(Reference(userId, Channels.Msteams, "a:1xyz"), default));

        IReadOnlyList<ConversationReference> loaded = [];
        await Use(async store => loaded = await store.ListByUserAsync(userId, default));

        var reference = Assert.Single(loaded);
        Assert.Equal(
            JsonSerializer.Serialize(Reference(userId, Channels.Msteams, "a:1xyz"), BotJson.Options),
            JsonSerializer.Serialize(reference, BotJson.Options));
        Assert.Equal("me", reference.Properties!["channelSpecific"].GetProperty("keep").GetString());
    }

    [Fact]
    public async Task Saving_again_replaces_the_users_reference_on_that_channel_only()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        await Use(store => store.SaveAsync(Reference(userId, Channels.Directline, "dl-conv-1"), default));
        await Use(store => store.SaveAsync(Reference(userId, Channels.Msteams, "a:1xyz"), default));
        await Use(store => store.SaveAsync(Reference(userId, Channels.Directline, "dl-conv-2"), default));
        await Use(store => store.SaveAsync(Reference($"other-{userId}", Channels.Directline, "dl-conv-3"), default));

        IReadOnlyList<ConversationReference> loaded = [];
        await Use(async store => loaded = await store.ListByUserAsync(userId, default));

        Assert.Equal([Channels.Directline, Channels.Msteams], loaded.Select(r => r.ChannelId));
        Assert.Equal("dl-conv-2", loaded[0].Conversation!.Id);

        await using var db = database.NewContext();
        var row = await db.Set<ConversationReferenceRecord>().SingleAsync(r => r.UserId == userId && r.ChannelId == Channels.Directline);
        Assert.Equal("dl-conv-2", row.ConversationId);
        Assert.Equal(DateTimeKind.Utc, row.UpdatedAtUtc.Kind);
        Assert.Equal(new DateTime(2026, 11, 22, 9, 3, 0, DateTimeKind.Utc), row.UpdatedAtUtc);
    }

    [Fact]
    public async Task Deleting_forgets_one_channel_and_says_whether_there_was_anything()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        await Use(store => store.SaveAsync(Reference(userId, Channels.Directline, "dl-conv-1"), default));
        await Use(store => store.SaveAsync(Reference(userId, Channels.Msteams, "a:1xyz"), default));

        var deleted = false;
        var deletedAgain = true;
        await Use(async store => deleted = await store.DeleteAsync(userId, Channels.Msteams, default));
        await Use(async store => deletedAgain = await store.DeleteAsync(userId, Channels.Msteams, default));
        IReadOnlyList<ConversationReference> left = [];
        await Use(async store => left = await store.ListByUserAsync(userId, default));

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(Channels.Directline, Assert.Single(left).ChannelId);
    }

    [Fact]
    public async Task A_reference_without_a_user_or_conversation_is_refused()
    {
        var noUser = Reference("u", Channels.Directline, "c");
        noUser.User = null;
        var noConversation = Reference("u", Channels.Directline, "c");
        noConversation.Conversation = null;

        await Use(store => Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(noUser, default)));
        await Use(store => Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(noConversation, default)));
    }

    [Fact]
    public async Task The_table_comes_from_its_own_migration()
    {
        await using var db = database.NewContext();
        Assert.Contains("20261122000008_AddConversationReferences", await db.Database.GetAppliedMigrationsAsync());
    }
}

public sealed class SqliteConversationReferenceStoreTests(SqliteTestDatabase database)
    : ConversationReferenceStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresConversationReferenceStoreTests(PostgresTestDatabase database)
    : ConversationReferenceStoreTests<PostgresTestDatabase>(database);
