using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>
/// Enough about a conversation to send into it later (proactive messages): who, where, and the
/// channel's serviceUrl to post to.
/// </summary>
public sealed class ConversationReference
{
    /// <summary>The name of the event activity a proactive turn starts with.</summary>
    public const string ContinueConversationEventName = "ContinueConversation";

    public string? ActivityId { get; set; }

    public ChannelAccount? User { get; set; }

    public ChannelAccount? Bot { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ChannelId { get; set; }

    public string? Locale { get; set; }

    public string? ServiceUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// The activity a proactive turn runs with: an event named <c>ContinueConversation</c>, from
    /// the user to the bot, in this conversation, so replies built from it go to the user.
    /// </summary>
    public Activity GetContinuationActivity() => new Activity
    {
        Type = ActivityTypes.Event,
        Name = ContinueConversationEventName,
        Id = Guid.NewGuid().ToString(),
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        Recipient = Bot,
        From = User,
        RelatesTo = this,
    };
}
