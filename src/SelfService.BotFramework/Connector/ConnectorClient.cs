using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Connector;

/// <summary>
/// The Bot Framework Connector API (v3), for every channel reached over REST (Azure Bot Service
/// channels, Teams, the Emulator). Each call goes to the activity's <c>serviceUrl</c>, which must
/// have arrived on an authenticated channel request: otherwise <see cref="UntrustedServiceUrlException"/>
/// and nothing is sent.
/// </summary>
public sealed class ConnectorClient : IChannelConnector
{
    private readonly ChannelHttpSender _sender;
    private readonly ITrustedServiceUrls _trustedServiceUrls;

    internal ConnectorClient(ChannelHttpSender sender, ITrustedServiceUrls trustedServiceUrls)
    {
        _sender = sender;
        _trustedServiceUrls = trustedServiceUrls;
    }

    /// <summary>Only trusted serviceUrls: anything else (an in-process channel, or an address no
    /// authenticated channel has given) is not ours to deliver.</summary>
    public bool CanSend(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _trustedServiceUrls.IsTrusted(activity.ServiceUrl);
    }

    /// <summary>A reply when the activity answers one (<c>replyToId</c> set), else a new message in the conversation.</summary>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await SendToConversationAsync(activity, cancellationToken)
            : await ReplyToActivityAsync(activity, cancellationToken);
        return response ?? new ResourceResponse();
    }

    public async Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        await UpdateActivityAsync(activity, cancellationToken) ?? new ResourceResponse(activity?.Id);

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return DeleteActivityAsync(
            Required(reference.ServiceUrl, "serviceUrl"),
            Required(reference.Conversation?.Id, "conversation.id"),
            Required(reference.ActivityId, "activityId"),
            cancellationToken);
    }

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
        await _sender.SendAsync<ResourceResponse>(HttpMethod.Delete, Required(serviceUrl, "serviceUrl"), path, null, BotJson.Options, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: starts a conversation (proactive messages).</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _sender.SendAsync<ConversationResourceResponse>(
            HttpMethod.Post, Required(serviceUrl, "serviceUrl"), "v3/conversations", parameters, BotJson.Options, cancellationToken);
    }

    private static string ServiceUrl(Activity activity) => Required(activity.ServiceUrl, "serviceUrl");

    private static string Activities(Activity activity) =>
        "v3/conversations/" + Uri.EscapeDataString(Required(activity.Conversation?.Id, "conversation.id")) + "/activities";

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"The activity has no {name}, so the Connector API cannot be called.", name)
            : value;
}
