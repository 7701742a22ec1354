using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Connector;

/// <summary>Sends the bot's activities to a channel.</summary>
public interface IChannelConnector
{
    Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}
