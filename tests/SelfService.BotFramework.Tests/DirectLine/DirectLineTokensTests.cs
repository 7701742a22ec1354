using Microsoft.Extensions.Options;
using SelfService.BotFramework.DirectLine;

namespace SelfService.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private const string Key = "c2VsZnNlcnZpY2UtdGVzdC1zaWduaW5nLWtleS0zMmJ5dGVzIQ==";

    private static DirectLineTokens Tokens(TimeProvider time, string key = Key) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key, Secret = "the-secret" }), time);

    [Fact]
    public void A_token_names_its_user_and_conversation_and_expires_after_its_lifetime()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var tokens = Tokens(time);
        var token = tokens.IssueConversationToken("helen", "Helen Carter", "conv-1");

        var check = tokens.Check(token);
        Assert.Equal(DirectLineTokenStatus.Valid, check.Status);
        Assert.Equal(("helen", "Helen Carter", "conv-1", DirectLineTokenScope.Conversation), (check.Claims!.UserId, check.Claims.UserName, check.Claims.ConversationId, check.Claims.Scope));

        time.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(DirectLineTokenStatus.Valid, tokens.Check(token).Status);
        time.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(DirectLineTokenStatus.Expired, tokens.Check(token).Status);
    }

    [Fact]
    public void Tokens_are_unique_and_a_token_signed_with_another_key_is_refused()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var tokens = Tokens(time);
        Assert.NotEqual(tokens.IssueConversationToken("a", null, "c"), tokens.IssueConversationToken("a", null, "c"));
        var other = Tokens(time, Convert.ToBase64String(new byte[32]));
        Assert.Equal(DirectLineTokenStatus.BadSignature, tokens.Check(other.IssueConversationToken("a", null, "c")).Status);
    }

    [Fact]
    public void Any_change_to_a_token_or_any_garbage_is_refused_without_an_exception()
    {
        var tokens = Tokens(new ManualTime(DateTimeOffset.UtcNow));
        var token = tokens.IssueConversationToken("helen", null, "conv-1");
        var random = new Random(20261122);
        for (var i = 0; i < 2000; i++)
        {
            var chars = token.ToCharArray();
            chars[random.Next(chars.Length)] = "ABCxyz019-_.=+/ "[random.Next(16)];
            var changed = new string(chars);
            if (changed != token)
            {
                Assert.NotEqual(DirectLineTokenStatus.Valid, tokens.Check(changed).Status);
            }
        }

        foreach (var garbage in new[] { "", ".", "..", "a.b.c", "a.b.", ".b.c", "x.y.zzzz", new string('.', 5000), "é.é.é" })
        {
            Assert.NotEqual(DirectLineTokenStatus.Valid, tokens.Check(garbage).Status);
        }
    }

    [Fact]
    public void Stream_tokens_are_short_lived_and_say_what_they_are_for()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var tokens = Tokens(time);
        var stream = tokens.Check(tokens.IssueStreamToken("helen", "conv-1"));
        Assert.Equal(DirectLineTokenScope.Stream, stream.Claims!.Scope);
        Assert.Equal(TimeSpan.FromMinutes(2), stream.Claims.ExpiresAt - stream.Claims.IssuedAt);
        var file = tokens.Check(tokens.IssueAttachmentToken("helen", "conv-1", "file-1")).Claims!;
        Assert.Equal((DirectLineTokenScope.Attachment, "file-1"), (file.Scope, file.AttachmentId));
    }

    [Fact]
    public void The_secret_is_recognised_only_exactly()
    {
        var tokens = Tokens(TimeProvider.System);
        Assert.True(tokens.IsSecret("the-secret"));
        Assert.False(tokens.IsSecret("the-secreT"));
        Assert.False(tokens.IsSecret(""));
        Assert.False(tokens.IsSecret(null));
    }

    [Fact]
    public void A_missing_or_short_signing_key_stops_the_app_with_a_clear_message()
    {
        Assert.Contains("TokenSigningKey", Assert.Throws<InvalidOperationException>(() => Tokens(TimeProvider.System, "")).Message, StringComparison.Ordinal);
        Assert.Contains("at least 32", Assert.Throws<InvalidOperationException>(() => Tokens(TimeProvider.System, Convert.ToBase64String(new byte[16]))).Message, StringComparison.Ordinal);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
