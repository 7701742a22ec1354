using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

/// <summary>A channel that keeps what it is sent, claiming one channel id.</summary>
internal sealed class RecordingConnector(string channelId) : IChannelConnector
{
    private int _next;

    public List<Activity> Sent { get; } = [];

    public List<Activity> Updated { get; } = [];

    public List<ConversationReference> Deleted { get; } = [];

    public bool FailSends { get; set; }

    public bool CanSend(Activity activity) => activity.ChannelId == channelId;

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FailSends)
        {
            throw new HttpRequestException("The channel is down.");
        }

        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse($"{channelId}-{Interlocked.Increment(ref _next)}"));
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        Updated.Add(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        Deleted.Add(reference);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingCleaner : IBotStateCleaner
{
    public List<string?> Cleared { get; } = [];

    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Cleared.Add(turnContext.Activity.Conversation?.Id);
        return Task.CompletedTask;
    }
}

internal static class Turns
{
    public static CloudAdapterBase Adapter(params IChannelConnector[] connectors) =>
        Adapter(connectors, []);

    public static CloudAdapterBase Adapter(IChannelConnector[] connectors, IBotStateCleaner[] cleaners) =>
        new(connectors, cleaners, NullLogger.Instance);

    public static ClaimsIdentity Identity => new([new Claim("aud", "bot-app")], "test");

    public static Activity Message(string text, string channelId = Channels.Test) => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = channelId,
        ServiceUrl = "https://channel.example/",
        From = new ChannelAccount("user-1", "Helen", RoleTypes.User),
        Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount("conv-1"),
        Locale = "en-GB",
        Text = text,
    };

    public static Activity OfType(string type, Action<Activity>? change = null)
    {
        var activity = Message(string.Empty);
        activity.Type = type;
        activity.Text = null;
        change?.Invoke(activity);
        return activity;
    }
}
