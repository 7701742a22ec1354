namespace SelfService.Data.Bot;

/// <summary>
/// The latest conversation reference of one user on one channel, kept so the bot can message
/// them later. The reference itself is stored as its wire JSON, so fields a channel adds survive.
/// </summary>
public sealed class ConversationReferenceRecord
{
    public ConversationReferenceRecord(string userId, string channelId, string conversationId, string serviceUrl, string referenceJson, DateTime updatedAtUtc)
    {
        UserId = userId;
        ChannelId = channelId;
        ConversationId = conversationId;
        ServiceUrl = serviceUrl;
        ReferenceJson = referenceJson;
        UpdatedAtUtc = updatedAtUtc;
    }

    public string UserId { get; private set; }

    public string ChannelId { get; private set; }

    public string ConversationId { get; private set; }

    public string ServiceUrl { get; private set; }

    public string ReferenceJson { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Replace(string conversationId, string serviceUrl, string referenceJson, DateTime updatedAtUtc)
    {
        ConversationId = conversationId;
        ServiceUrl = serviceUrl;
        ReferenceJson = referenceJson;
        UpdatedAtUtc = updatedAtUtc;
    }
}
