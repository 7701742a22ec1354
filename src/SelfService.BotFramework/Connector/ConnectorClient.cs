using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Connector;

/// <summary>
/// The Bot Framework Connector API (v3) for any channel: each call goes to the activity's
/// <c>serviceUrl</c>, which must have arrived on an authenticated channel request
/// (<see cref="UntrustedServiceUrlException"/> otherwise, with nothing sent).
/// </summary>
public sealed class ConnectorClient : IChannelConnector
{
    private readonly ChannelHttpSender _sender;

    internal ConnectorClient(ChannelHttpSender sender) => _sender = sender;

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.</summary>
    public Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var replyToId = Required(activity.ReplyToId, "replyToId");
        return _sender.SendAsync<ResourceResponse>(
            HttpMethod.Post, ServiceUrl(activity), Activities(activity) + "/" + Uri.EscapeDataString(replyToId), activity, BotJson.Options, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _sender.SendAsync<ResourceResponse>(
            HttpMethod.Post, ServiceUrl(activity), Activities(activity), activity, BotJson.Options, cancellationToken);
    }

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{id}</c>: replaces
    /// a message the bot sent earlier (where the channel supports it).</summary>
    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = Required(activity.Id, "id");
        return _sender.SendAsync<ResourceResponse>(
            HttpMethod.Put, ServiceUrl(activity), Activities(activity) + "/" + Uri.EscapeDataString(id), activity, BotJson.Options, cancellationToken);
    }

    /// <summary><c>DELETE {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var path = "v3/conversations/" + Uri.EscapeDataString(Required(conversationId, "conversation id"))
            + "/activities/" + Uri.EscapeDataString(Required(activityId, "activity id"));
        await _sender.SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, path, null, BotJson.Options, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: starts a conversation (proactive messages).</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _sender.SendAsync<ConversationResourceResponse>(
            HttpMethod.Post, serviceUrl, "v3/conversations", parameters, BotJson.Options, cancellationToken);
    }

    private static string ServiceUrl(Activity activity) => Required(activity.ServiceUrl, "serviceUrl");

    private static string Activities(Activity activity) =>
        "v3/conversations/" + Uri.EscapeDataString(Required(activity.Conversation?.Id, "conversation.id")) + "/activities";

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"The activity has no {name}, so the Connector API cannot be called.", name)
            : value;
}
