using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.DirectLine;

/// <summary>Runs Direct Line turns through the shared adapter and the registered <see cref="IBot"/>.</summary>
public sealed partial class DirectLineBotInvoker(IServiceProvider services, ILogger<DirectLineBotInvoker> logger) : IDirectLineBotInvoker
{
    public async Task InvokeAsync(JsonObject activity, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var bot = services.GetService<IBot>();
        if (bot is null)
        {
            LogNoBot(logger);
            return;
        }

        var incoming = activity.Deserialize<Activity>(BotJson.Options) ?? throw new JsonException("The activity is empty.");
        incoming.ServiceUrl = serviceUrl;

        // The channel has already authenticated the user by token; the bot trusts the channel, as
        // it trusts Azure's Direct Line.
        var identity = new InProcessDirectLineIdentity();
        await services.GetRequiredService<CloudAdapterBase>().ProcessActivityAsync(identity, incoming, bot.OnTurnAsync, cancellationToken);
    }

    /// <summary>Checks that an activity can be read as the schema's <see cref="Activity"/>, before it is stored.</summary>
    internal static void EnsureReadable(JsonObject activity)
    {
        try
        {
            _ = activity.Deserialize<Activity>(BotJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw DirectLineException.BadArgument("The activity does not follow the Bot Framework schema (a field has the wrong type).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No bot is registered; the Direct Line activity was stored but not answered")]
    private static partial void LogNoBot(ILogger logger);
}

/// <summary>
/// Delivers what the bot sends in a Direct Line conversation (replies, proactive messages) into
/// the transcript and out to open streams.
/// </summary>
public sealed class DirectLineConnector(IServiceScopeFactory scopes) : IChannelConnector
{
    public bool CanSend(Activity activity) =>
        activity is not null && string.Equals(activity.ChannelId, DirectLineChannel.ChannelId, StringComparison.OrdinalIgnoreCase);

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("A Direct Line activity needs conversation.id.");
        var json = JsonSerializer.SerializeToNode(activity, BotJson.Options) as JsonObject
            ?? throw new InvalidOperationException("The activity did not serialise to a JSON object.");

        // The id is the channel's to give.
        json.Remove("id");
        await using var scope = scopes.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<DirectLineChannel>().SendFromBotAsync(conversationId, json, cancellationToken);
        return new ResourceResponse(id);
    }

    /// <summary>Direct Line 3.0 has no way to change a delivered activity (Azure's channel refuses too).</summary>
    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support updating an activity.");

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support deleting an activity.");
}
