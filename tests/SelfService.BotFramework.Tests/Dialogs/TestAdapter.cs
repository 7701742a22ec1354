using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Dialogs;

/// <summary>
/// An adapter for tests, like Bot Builder's TestAdapter: turns are run from text the test sends,
/// and what the bot sends is queued for the test to read, all in process.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private int _nextId;

    public TestAdapter(string conversationId = "conversation-1", string userId = "user-1")
    {
        ConversationId = conversationId;
        UserId = userId;
    }

    public string ConversationId { get; }

    public string UserId { get; }

    public Queue<Activity> Replies { get; } = new();

    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= "test";
        activity.Id ??= $"in-{Interlocked.Increment(ref _nextId)}";
        activity.Conversation ??= new ConversationAccount { Id = ConversationId };
        activity.From ??= new ChannelAccount { Id = UserId, Name = "User", Role = "user" };
        activity.Recipient ??= new ChannelAccount { Id = "bot", Name = "Bot", Role = "bot" };
        activity.ServiceUrl ??= "https://test.invalid/";
        activity.Locale ??= "en-GB";
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            activity.Id ??= $"out-{Interlocked.Increment(ref _nextId)}";
            lock (Replies)
            {
                Replies.Enqueue(activity);
            }

            responses.Add(new ResourceResponse { Id = activity.Id });
        }

        return Task.FromResult(responses.ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse { Id = activity?.Id });

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A scripted conversation, like Bot Builder's TestFlow: send, then assert each reply in order.</summary>
public sealed class TestFlow(TestAdapter adapter, BotCallbackHandler bot)
{
    private readonly List<Func<Task>> _steps = [];

    public TestFlow Send(string text) => Send(new Activity { Type = ActivityTypes.Message, Text = text });

    public TestFlow Send(Activity activity)
    {
        _steps.Add(() => adapter.ProcessActivityAsync(activity, bot));
        return this;
    }

    public TestFlow AssertReply(string expected) =>
        AssertReply(a => Assert.Equal(expected, a.Text));

    public TestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(() =>
        {
            Assert.True(adapter.Replies.Count > 0, "The bot sent no (more) replies.");
            check(adapter.Replies.Dequeue());
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The user's message and the bot's replies, as one step: <c>Test("hi", "Hello", "Name?")</c>.</summary>
    public TestFlow Test(string userSays, params string[] botReplies)
    {
        Send(userSays);
        foreach (var reply in botReplies)
        {
            AssertReply(reply);
        }

        return this;
    }

    public TestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            Assert.True(adapter.Replies.Count == 0, $"Expected no reply, got: {string.Join(" | ", adapter.Replies.Select(r => r.Text))}");
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }

        Assert.True(adapter.Replies.Count == 0, $"Unexpected extra replies: {string.Join(" | ", adapter.Replies.Select(r => r.Text))}");
    }
}
