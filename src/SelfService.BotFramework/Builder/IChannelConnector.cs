using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// Delivers the bot's outgoing activities to one kind of channel: the Bot Connector REST API of an
/// Azure Bot Service channel (POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]),
/// or a channel hosted in this process such as Direct Line.
/// </summary>
/// <remarks>
/// The adapter asks the registered connectors in registration order and uses the first whose
/// <see cref="CanSend"/> is true. So a connector must claim only what it can really deliver: an
/// in-process channel claims its own channel id and conversations; the REST connector claims
/// only service URLs that <see cref="ITrustedServiceUrls"/> vouches for.
/// </remarks>
public interface IChannelConnector
{
    /// <summary>Whether this connector delivers to the activity's channel, service URL and conversation.</summary>
    bool CanSend(Activity activity);

    /// <summary>
    /// Sends one addressed activity (channelId, serviceUrl, conversation, from, recipient set;
    /// replyToId set when it answers an incoming activity) and returns the id the channel gave it.
    /// </summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity already sent (<see cref="Activity.Id"/> names it).</summary>
    Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes an activity already sent (<see cref="ConversationReference.ActivityId"/> names it).</summary>
    Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken);
}
