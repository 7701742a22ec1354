namespace SelfService.BotFramework.Schema;

public sealed partial class Activity
{
    public static Activity CreateMessageActivity() => Create(ActivityTypes.Message);

    public static Activity CreateTypingActivity() => Create(ActivityTypes.Typing);

    public static Activity CreateConversationUpdateActivity() => Create(ActivityTypes.ConversationUpdate);

    public static Activity CreateEndOfConversationActivity() => Create(ActivityTypes.EndOfConversation);

    public static Activity CreateEventActivity() => Create(ActivityTypes.Event);

    public static Activity CreateInvokeActivity() => Create(ActivityTypes.Invoke);

    /// <summary>
    /// A message answering this activity: from and recipient swapped, the same conversation,
    /// <see cref="ReplyToId"/> set to this activity's id, and the locale copied.
    /// </summary>
    public Activity CreateReply(string? text = null, string? locale = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id, Recipient.Name),
        Recipient = From is null ? null : new ChannelAccount(From.Id, From.Name),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation is null
            ? null
            : new ConversationAccount(Conversation.Id, Conversation.Name, Conversation.IsGroup)
            {
                ConversationType = Conversation.ConversationType,
                TenantId = Conversation.TenantId,
            },
        Text = text ?? string.Empty,
        Locale = locale ?? Locale,
    };

    /// <summary>What a proactive message needs to reach this activity's conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this activity using a reference. Outgoing (the default): from the bot to the user,
    /// replying to the reference's activity. Incoming: from the user to the bot.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);

        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale = reference.Locale ?? Locale;

        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            if (reference.ActivityId is not null)
            {
                Id = reference.ActivityId;
            }
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId is not null)
            {
                ReplyToId = reference.ActivityId;
            }
        }

        return this;
    }

    private static Activity Create(string type) => new() { Type = type };
}
