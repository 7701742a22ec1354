using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

public sealed class TurnContextTests
{
    [Fact]
    public async Task Sending_addresses_the_activity_back_to_the_sender_and_marks_the_turn_responded()
    {
        var channel = new RecordingConnector(Channels.Test);
        var context = new TurnContext(Turns.Adapter(channel), Turns.Message("hi"));
        Assert.False(context.Responded);

        var response = await context.SendActivityAsync("hello back");

        var sent = Assert.Single(channel.Sent);
        Assert.Equal("hello back", sent.Text);
        Assert.Equal(ActivityTypes.Message, sent.Type);
        Assert.Equal("bot-1", sent.From!.Id);
        Assert.Equal("user-1", sent.Recipient!.Id);
        Assert.Equal("conv-1", sent.Conversation!.Id);
        Assert.Equal("incoming-1", sent.ReplyToId);
        Assert.Equal("https://channel.example/", sent.ServiceUrl);
        Assert.Equal("test-1", response.Id);
        Assert.Equal("test-1", sent.Id);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task Send_hooks_run_in_order_and_can_change_or_stop_what_is_sent()
    {
        var channel = new RecordingConnector(Channels.Test);
        var context = new TurnContext(Turns.Adapter(channel), Turns.Message("hi"));
        var seen = new List<string>();
        context.OnSendActivities(async (_, activities, next) =>
        {
            seen.Add("first");
            activities.ForEach(a => a.Text = a.Text!.ToUpperInvariant());
            return await next();
        });
        context.OnSendActivities((_, activities, next) =>
        {
            seen.Add("second");
            return activities.Any(a => a.Text == "SECRET") ? Task.FromResult(Array.Empty<ResourceResponse>()) : next();
        });

        await context.SendActivityAsync("hello");
        await context.SendActivityAsync("secret");

        Assert.Equal(["first", "second", "first", "second"], seen);
        Assert.Equal("HELLO", Assert.Single(channel.Sent).Text);
    }

    [Fact]
    public async Task Trace_activities_do_not_count_as_a_response()
    {
        var channel = new RecordingConnector(Channels.Test);
        var context = new TurnContext(Turns.Adapter(channel), Turns.Message("hi"));

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "debug" });

        Assert.Single(channel.Sent);
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task An_invoke_response_activity_is_kept_as_the_turn_answer_not_delivered()
    {
        var channel = new RecordingConnector(Channels.Test);
        var context = new TurnContext(Turns.Adapter(channel), Turns.OfType(ActivityTypes.Invoke));

        await context.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.InvokeResponse,
            Value = BotJson.ToElement(new { status = 202, body = new { ok = true } }),
        });

        Assert.Empty(channel.Sent);
        var answer = context.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey)!;
        Assert.Equal(202, answer.Status);
        Assert.Contains("\"ok\":true", System.Text.Json.JsonSerializer.Serialize(answer.Body, BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_and_deletes_go_through_their_hooks_to_the_channel()
    {
        var channel = new RecordingConnector(Channels.Test);
        var context = new TurnContext(Turns.Adapter(channel), Turns.Message("hi"));
        var hooks = new List<string>();
        context.OnUpdateActivity((_, _, next) => { hooks.Add("update"); return next(); });
        context.OnDeleteActivity((_, _, next) => { hooks.Add("delete"); return next(); });

        var update = MessageFactory.Text("edited");
        update.Id = "sent-7";
        await context.UpdateActivityAsync(update);
        await context.DeleteActivityAsync("sent-8");

        Assert.Equal(["update", "delete"], hooks);
        var updated = Assert.Single(channel.Updated);
        Assert.Equal("sent-7", updated.Id);
        Assert.Equal("conv-1", updated.Conversation!.Id);
        Assert.Equal("sent-8", Assert.Single(channel.Deleted).ActivityId);
    }

    [Fact]
    public void Turn_state_holds_values_by_key_and_by_type()
    {
        var state = new TurnContextStateCollection();
        state.Set("k", "v");
        state.Set(new Uri("https://x.example/"));

        Assert.Equal("v", state.Get<string>("k"));
        Assert.Equal("https://x.example/", state.Get<Uri>()!.ToString());
        Assert.Throws<ArgumentException>(() => state.Add("k", "again"));
        state.Set<string>("k", null);
        Assert.False(state.ContainsKey("k"));
    }
}
