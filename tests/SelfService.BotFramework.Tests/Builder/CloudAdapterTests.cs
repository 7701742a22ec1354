using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

public sealed class CloudAdapterTests
{
    [Fact]
    public async Task Replies_go_to_the_connector_that_serves_the_conversations_channel()
    {
        var teams = new RecordingConnector(Channels.Msteams);
        var directLine = new RecordingConnector(Channels.Directline);
        var adapter = Turns.Adapter(teams, directLine);

        await adapter.ProcessActivityAsync(
            Turns.Identity, Turns.Message("hi", Channels.Directline), (t, ct) => t.SendActivityAsync("hello", cancellationToken: ct), default);

        Assert.Empty(teams.Sent);
        Assert.Equal("hello", Assert.Single(directLine.Sent).Text);
    }

    [Fact]
    public async Task The_turn_knows_the_identity_it_was_authenticated_as()
    {
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));
        string? audience = null;

        await adapter.ProcessActivityAsync(Turns.Identity, Turns.Message("hi"), (t, _) =>
        {
            audience = t.TurnState.Get<System.Security.Claims.ClaimsIdentity>(BotAdapter.BotIdentityKey)!.FindFirst("aud")!.Value;
            return Task.CompletedTask;
        }, default);

        Assert.Equal("bot-app", audience);
    }

    [Fact]
    public async Task A_failed_turn_is_apologised_for_and_the_conversation_state_cleared()
    {
        var channel = new RecordingConnector(Channels.Test);
        var cleaner = new RecordingCleaner();
        var adapter = Turns.Adapter([channel], [cleaner]);

        await adapter.ProcessActivityAsync(
            Turns.Identity, Turns.Message("hi"), (_, _) => throw new InvalidOperationException("dialog broke"), default);

        var apology = Assert.Single(channel.Sent);
        Assert.Equal(CloudAdapterBase.ApologyText, apology.Text);
        Assert.Equal("user-1", apology.Recipient!.Id);
        Assert.Equal(["conv-1"], cleaner.Cleared);
    }

    [Fact]
    public async Task The_state_is_cleared_even_when_the_apology_cannot_be_delivered()
    {
        var channel = new RecordingConnector(Channels.Test) { FailSends = true };
        var cleaner = new RecordingCleaner();
        var adapter = Turns.Adapter([channel], [cleaner]);

        await adapter.ProcessActivityAsync(
            Turns.Identity, Turns.Message("hi"), (_, _) => throw new InvalidOperationException("dialog broke"), default);

        Assert.Equal(["conv-1"], cleaner.Cleared);
    }

    [Fact]
    public async Task A_failed_invoke_answers_500()
    {
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));

        var invoke = await adapter.ProcessActivityAsync(
            Turns.Identity, Turns.OfType(ActivityTypes.Invoke), (_, _) => throw new InvalidOperationException("broke"), default);

        Assert.Equal(500, invoke!.Status);
    }

    [Fact]
    public async Task Without_a_turn_error_handler_the_exception_reaches_the_caller()
    {
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));
        adapter.OnTurnError = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(
            Turns.Identity, Turns.Message("hi"), (_, _) => throw new InvalidOperationException("broke"), default));
    }

    [Fact]
    public async Task Sending_to_a_channel_no_connector_serves_fails_the_turn()
    {
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Msteams));
        adapter.OnTurnError = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(
            Turns.Identity, Turns.Message("hi"), (t, ct) => t.SendActivityAsync("hello", cancellationToken: ct), default));

        Assert.Contains("No channel connector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_user_through_the_references_channel()
    {
        var directLine = new RecordingConnector(Channels.Directline);
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Msteams), directLine);
        var reference = Turns.Message("hi", Channels.Directline).GetConversationReference();
        string? seenName = null;

        await adapter.ContinueConversationAsync("bot-app", reference, async (turn, ct) =>
        {
            seenName = turn.Activity.Name;
            await turn.SendActivityAsync("Your draft plan is ready.", cancellationToken: ct);
        }, default);

        Assert.Equal(ConversationReference.ContinueConversationEventName, seenName);
        var sent = Assert.Single(directLine.Sent);
        Assert.Equal("Your draft plan is ready.", sent.Text);
        Assert.Equal("user-1", sent.Recipient!.Id);
        Assert.Equal("bot-1", sent.From!.Id);
        Assert.Equal("conv-1", sent.Conversation!.Id);
        // Not a reply to anything the client has seen, so the client shows it at once.
        Assert.Null(sent.ReplyToId);
    }

    [Fact]
    public void Trusted_service_urls_are_compared_without_case_or_trailing_slash()
    {
        var trusted = new TrustedServiceUrls();
        trusted.Trust("https://smba.trafficmanager.net/uk/");

        Assert.True(trusted.IsTrusted("https://SMBA.trafficmanager.net/uk"));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/us/"));
        Assert.False(trusted.IsTrusted(null));
    }
}
