using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>
/// One Bot Framework activity, with every field of the Activity specification. Fields this type
/// does not know are kept in <see cref="Properties"/> and written back unchanged.
/// </summary>
public sealed partial class Activity
{
    /// <summary>Required. See <see cref="ActivityTypes"/>; unknown types are accepted and ignored.</summary>
    public string? Type { get; set; }

    /// <summary>Assigned by the channel, never by a bot or a client.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel sent it; written in UTC with a trailing Z.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time, with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA name of the sender's time zone.</summary>
    public string? LocalTimezone { get; set; }

    public string? CallerId { get; set; }

    /// <summary>Where the bot sends replies; bots keep it in conversation references.</summary>
    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    /// <summary>See <see cref="TextFormatTypes"/>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>See <see cref="AttachmentLayoutTypes"/>.</summary>
    public string? AttachmentLayout { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<MessageReaction>? ReactionsAdded { get; set; }

    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    public string? TopicName { get; set; }

    public bool? HistoryDisclosed { get; set; }

    /// <summary>BCP-47 tag, such as <c>en-GB</c>.</summary>
    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    /// <summary>See <see cref="InputHints"/>.</summary>
    public string? InputHint { get; set; }

    public string? Summary { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public string? Label { get; set; }

    public string? ValueType { get; set; }

    /// <summary>Card submit data on a message, the payload of an event or invoke.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The operation of an event or invoke activity.</summary>
    public string? Name { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    /// <summary>See <see cref="EndOfConversationCodes"/>.</summary>
    public string? Code { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }

    /// <summary>See <see cref="ActivityImportance"/>.</summary>
    public string? Importance { get; set; }

    /// <summary>See <see cref="DeliveryModes"/>.</summary>
    public string? DeliveryMode { get; set; }

    public IList<string>? ListenFor { get; set; }

    public IList<TextHighlight>? TextHighlights { get; set; }

    public SemanticAction? SemanticAction { get; set; }

    /// <summary>Fields not in the specification, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
