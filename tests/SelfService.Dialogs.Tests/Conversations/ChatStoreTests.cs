using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Conversations;
using SelfService.Data.Storage;

namespace SelfService.Dialogs.Tests.Conversations;

/// <summary>The chat's own records (one-time codes, channel links, messages to a person) on each provider.</summary>
public abstract class ChatStoreTests(ChatTestHost host)
{
    private readonly SteppingTime _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private async Task<T> WithLinksAsync<T>(Func<ChatLinks, CaseStoreDbContext, Task<T>> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        return await use(new ChatLinks(db, _time), db);
    }

    [Fact]
    public async Task A_code_is_kept_only_as_a_hash_links_once_and_not_after_ten_minutes()
    {
        var account = Guid.NewGuid();
        var (code, expires) = await WithLinksAsync((links, _) => links.IssueCodeAsync(account));

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(_time.GetUtcNow().UtcDateTime + ChatLinks.CodeLifetime, expires);
        var stored = await WithLinksAsync((_, db) => db.Set<ChatLinkCode>().Where(c => c.AccountId == account).ToListAsync());
        Assert.Equal(ChatLinks.Hash(code), Assert.Single(stored).CodeHash);
        Assert.DoesNotContain(code, stored[0].CodeHash, StringComparison.Ordinal);

        var user = $"teams-{Guid.NewGuid():N}";
        Assert.Equal(ChatLinkOutcome.Linked, await WithLinksAsync((links, _) => links.RedeemAsync("msteams", user, $" {code[..3]} {code[3..]} ")));
        Assert.Equal(account, await WithLinksAsync((links, _) => links.FindAccountAsync("msteams", user)));
        Assert.Null(await WithLinksAsync((links, _) => links.FindAccountAsync("slack", user)));
        Assert.Equal(ChatLinkOutcome.Refused, await WithLinksAsync((links, _) => links.RedeemAsync("msteams", $"other-{Guid.NewGuid():N}", code)));

        var (late, _) = await WithLinksAsync((links, _) => links.IssueCodeAsync(account));
        _time.Advance(ChatLinks.CodeLifetime);
        Assert.Equal(ChatLinkOutcome.Refused, await WithLinksAsync((links, _) => links.RedeemAsync("msteams", $"late-{Guid.NewGuid():N}", late)));
    }

    [Fact]
    public async Task A_new_code_voids_the_last_and_forget_me_removes_the_link()
    {
        var account = Guid.NewGuid();
        var (first, _) = await WithLinksAsync((links, _) => links.IssueCodeAsync(account));
        var (second, _) = await WithLinksAsync((links, _) => links.IssueCodeAsync(account));
        var user = $"teams-{Guid.NewGuid():N}";

        Assert.Equal(first == second ? ChatLinkOutcome.Linked : ChatLinkOutcome.Refused, await WithLinksAsync((links, _) => links.RedeemAsync("msteams", user, first)));
        Assert.Equal(ChatLinkOutcome.Linked, await WithLinksAsync((links, _) => links.RedeemAsync("msteams", user, second)));
        Assert.True(await WithLinksAsync((links, _) => links.UnlinkAsync("msteams", user)));
        Assert.False(await WithLinksAsync((links, _) => links.UnlinkAsync("msteams", user)));
        Assert.Null(await WithLinksAsync((links, _) => links.FindAccountAsync("msteams", user)));
    }

    [Fact]
    public async Task A_message_to_a_person_and_its_email_are_stored_together()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var handoffs = new ChatHandoffs(db, _time);

        var handoff = await handoffs.CreateAsync(new HandoffRequest(
            Guid.NewGuid(), "parent@example.com", "msteams", null, "EHC-2026-00042", "caseworker@example.com", "User: hello\nMessage: <b>call me</b>"));

        Assert.Matches("^MSG-[A-Z2-9]{8}$", handoff.Reference);
        await using var check = host.Services.CreateAsyncScope();
        var read = check.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        Assert.Equal("User: hello\nMessage: <b>call me</b>", (await read.Set<ChatHandoff>().SingleAsync(h => h.Reference == handoff.Reference)).Transcript);
        var email = await read.OutboxMessages.SingleAsync(m => m.Subject == $"Chat message {handoff.Reference} about EHC-2026-00042");
        Assert.Equal("caseworker@example.com", email.Recipient);
        Assert.Equal(OutboxEmail.KindPrefix + ChatHandoffs.EmailKind, email.Kind);
        Assert.Contains("parent@example.com asked in the chat to talk to a person about EHC-2026-00042.", OutboxEmail.TextBody(email), StringComparison.Ordinal);
    }

    private sealed class SteppingTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}

public sealed class SqliteChatStoreTests(SqliteChatTestHost host) : ChatStoreTests(host), IClassFixture<SqliteChatTestHost>;

public sealed class PostgresChatStoreTests(PostgresChatTestHost host) : ChatStoreTests(host), IClassFixture<PostgresChatTestHost>;
