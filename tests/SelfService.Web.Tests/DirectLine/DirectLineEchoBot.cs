using System.Collections.Concurrent;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>
/// A bot for the channel tests: answers a message with "echo: {text}" (after a typing
/// indicator), answers "fail" by throwing, and records every activity it was given.
/// </summary>
public sealed class DirectLineEchoBot : IBot
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        Received.Enqueue(activity);
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (activity.Text == "fail")
        {
            throw new InvalidOperationException("The test bot was told to fail.");
        }

        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var text = activity.Attachments is { Count: > 0 } attachments
            ? $"echo: {attachments.Count} file(s): {string.Join(", ", attachments.Select(a => a.Name))}"
            : $"echo: {activity.Text}";
        await turnContext.SendActivityAsync(activity.CreateReply(text), cancellationToken);
    }
}
