namespace SelfService.BotFramework.Schema;

/// <summary>Values of <see cref="Activity.Type"/>.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string DeleteUserData = "deleteUserData";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";
}

/// <summary>Values of <see cref="CardAction.Type"/>.</summary>
public static class ActionTypes
{
    public const string OpenUrl = "openUrl";
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string PlayAudio = "playAudio";
    public const string PlayVideo = "playVideo";
    public const string ShowImage = "showImage";
    public const string DownloadFile = "downloadFile";
    public const string Signin = "signin";
    public const string Call = "call";
    public const string MessageBack = "messageBack";
}

/// <summary>Values of <see cref="Activity.TextFormat"/>.</summary>
public static class TextFormatTypes
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
    public const string Xml = "xml";
}

/// <summary>Values of <see cref="Activity.InputHint"/>.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}

/// <summary>Values of <see cref="Activity.Code"/> on an endOfConversation activity.</summary>
public static class EndOfConversationCodes
{
    public const string Unknown = "unknown";
    public const string CompletedSuccessfully = "completedSuccessfully";
    public const string UserCancelled = "userCancelled";
    public const string BotTimedOut = "botTimedOut";
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    public const string ChannelFailed = "channelFailed";
}

/// <summary>Values of <see cref="Activity.AttachmentLayout"/>.</summary>
public static class AttachmentLayoutTypes
{
    public const string List = "list";
    public const string Carousel = "carousel";
}

/// <summary>Values of <see cref="ChannelAccount.Role"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Skill = "skill";
}

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

/// <summary>Values of <see cref="Activity.Importance"/>.</summary>
public static class ActivityImportance
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
}

/// <summary>Well-known values of <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    public const string Directline = "directline";
    public const string Emulator = "emulator";
    public const string Msteams = "msteams";
    public const string Webchat = "webchat";
    public const string Test = "test";
}

/// <summary>Content types of attachments the bot sends.</summary>
public static class AttachmentContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string OAuthCard = "application/vnd.microsoft.card.oauth";
    public const string SigninCard = "application/vnd.microsoft.card.signin";
}
