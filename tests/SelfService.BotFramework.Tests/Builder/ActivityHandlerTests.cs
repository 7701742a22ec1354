using System.Text.Json;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

public sealed class ActivityHandlerTests
{
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"added {string.Join(",", membersAdded.Select(m => m.Id))}");

        protected override Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"removed {string.Join(",", membersRemoved.Select(m => m.Id))}");

        protected override Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("token");

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record($"event {turnContext.Activity.Name}");

        protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await Record($"invoke {turnContext.Activity.Name}");
            return turnContext.Activity.Name == "ping"
                ? new InvokeResponse(200, new { pong = true })
                : await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("end");

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("typing");

        protected override async Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await Record($"unrecognised {turnContext.Activity.Type}");
            await base.OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken);
        }

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    private static async Task<(List<string> Calls, InvokeResponse? Invoke)> Run(Activity activity)
    {
        var handler = new RecordingHandler();
        var invoke = await Turns.Adapter(new RecordingConnector(Channels.Test))
            .ProcessActivityAsync(Turns.Identity, activity, handler.OnTurnAsync, default);
        return (handler.Calls, invoke);
    }

    [Fact]
    public async Task Each_activity_type_reaches_its_handler()
    {
        Assert.Equal(["message"], (await Run(Turns.Message("hi"))).Calls);
        Assert.Equal(["typing"], (await Run(Turns.OfType(ActivityTypes.Typing))).Calls);
        Assert.Equal(["end"], (await Run(Turns.OfType(ActivityTypes.EndOfConversation))).Calls);
        Assert.Equal(["token"], (await Run(Turns.OfType(ActivityTypes.Event, a => a.Name = "tokens/response"))).Calls);
        Assert.Equal(["event webchat/join"], (await Run(Turns.OfType(ActivityTypes.Event, a => a.Name = "webchat/join"))).Calls);
    }

    [Fact]
    public async Task A_conversation_update_reports_members_added_and_removed()
    {
        var (calls, _) = await Run(Turns.OfType(ActivityTypes.ConversationUpdate, a =>
        {
            a.MembersAdded = [new ChannelAccount("bot-1"), new ChannelAccount("user-1")];
            a.MembersRemoved = [new ChannelAccount("user-2")];
        }));

        Assert.Equal(["added bot-1,user-1", "removed user-2"], calls);
    }

    [Fact]
    public async Task A_conversation_update_without_member_changes_calls_neither()
    {
        var (calls, _) = await Run(Turns.OfType(ActivityTypes.ConversationUpdate, a => a.TopicName = "new topic"));

        Assert.Empty(calls);
    }

    [Fact]
    public async Task An_invoke_answers_with_the_handlers_response()
    {
        var (calls, invoke) = await Run(Turns.OfType(ActivityTypes.Invoke, a => a.Name = "ping"));

        Assert.Equal(["invoke ping"], calls);
        Assert.Equal(200, invoke!.Status);
        Assert.Equal("""{"pong":true}""", JsonSerializer.Serialize(invoke.Body, BotJson.Options));
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_implement_answers_501()
    {
        var (_, invoke) = await Run(Turns.OfType(ActivityTypes.Invoke, a => a.Name = "unknown/operation"));

        Assert.Equal(501, invoke!.Status);
    }

    [Fact]
    public async Task The_invoke_response_is_kept_in_turn_state_under_the_well_known_key()
    {
        var handler = new RecordingHandler();
        var context = new TurnContext(Turns.Adapter(), Turns.OfType(ActivityTypes.Invoke, a => a.Name = "ping"));

        await handler.OnTurnAsync(context);

        Assert.Equal(200, context.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey)!.Status);
    }

    [Theory]
    [InlineData("somethingFromTheFuture")]
    [InlineData(ActivityTypes.Handoff)]
    public async Task Unknown_activity_types_are_accepted_and_ignored(string type)
    {
        var (calls, invoke) = await Run(Turns.OfType(type));

        Assert.Equal([$"unrecognised {type}"], calls);
        Assert.Null(invoke);
    }

    [Fact]
    public async Task An_activity_without_a_type_is_a_programming_error()
    {
        var context = new TurnContext(Turns.Adapter(), new Activity());

        await Assert.ThrowsAsync<ArgumentException>(() => new RecordingHandler().OnTurnAsync(context));
    }
}
