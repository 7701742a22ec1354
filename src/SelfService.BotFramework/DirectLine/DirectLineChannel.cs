using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.BotFramework.DirectLine;

/// <summary>Hands an activity the channel received to the bot, as one turn.</summary>
public interface IDirectLineBotInvoker
{
    /// <param name="activity">The activity as stored (channel fields set); the invoker may not change it.</param>
    /// <param name="serviceUrl">This channel's Direct Line base address, for the bot's conversation references.</param>
    Task InvokeAsync(JsonObject activity, string serviceUrl, CancellationToken cancellationToken);
}

/// <summary>
/// The Direct Line channel's behaviour, apart from HTTP: it stamps what users send (id,
/// timestamp, the user id bound to the token), stores and echoes it before the bot's turn runs,
/// and stores and delivers what the bot sends back.
/// </summary>
public sealed partial class DirectLineChannel(
    IDirectLineStore store,
    IDirectLineNotifier notifier,
    IDirectLineBotInvoker bot,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineChannel> logger)
{
    public const string ChannelId = "directline";

    /// <summary>Prefix of user ids the channel makes up; clients may not claim one.</summary>
    public const string ReservedUserIdPrefix = "dl_";

    private readonly DirectLineOptions _options = options.Value;

    /// <summary>The id of the activity with this sequence number: the conversation id, a bar, seven digits (as Azure's).</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => ReservedUserIdPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>
    /// Starts the conversation unless it already exists. A new conversation gets the bot's
    /// <c>conversationUpdate</c> with the bot and the user added, as Azure's channel sends it.
    /// </summary>
    public async Task<(DirectLineConversation Conversation, bool Created)> StartAsync(
        string conversationId, string userId, string? userName, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (conversation, created) = await store.StartConversationAsync(conversationId, userId, userName, now, cancellationToken);
        if (created)
        {
            var update = new JsonObject
            {
                ["type"] = "conversationUpdate",
                ["id"] = EphemeralId(conversationId),
                ["timestamp"] = Timestamp(now),
                ["channelId"] = ChannelId,
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["from"] = User(userId, userName),
                ["recipient"] = Bot(),
                ["membersAdded"] = new JsonArray(Bot(), User(userId, userName)),
            };
            if (!string.IsNullOrEmpty(locale))
            {
                update["locale"] = locale;
            }

            await RunTurnAsync(update, serviceUrl);
        }

        return (conversation, created);
    }

    /// <summary>
    /// Accepts an activity from the user: stamps it, stores it and delivers the echo, then runs
    /// the bot's turn (whose replies are stored after it). Returns the activity's id.
    /// </summary>
    public async Task<string> ReceiveFromUserAsync(
        DirectLineConversation conversation, string userId, string? userName, JsonObject activity, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity["type"] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw DirectLineException.MissingProperty("The activity has no type.");
        DirectLineBotInvoker.EnsureReadable(activity);

        var now = time.GetUtcNow().UtcDateTime;

        // The channel's clock orders the conversation, whatever the client's says.
        activity["timestamp"] = Timestamp(now);
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversation.Id };

        // Enhanced authentication: whoever the client says it is, it is the user the token names.
        var name = userName;
        if (name is null && activity["from"] is JsonObject from && from["name"] is JsonValue sentName && sentName.TryGetValue<string>(out var given))
        {
            name = given;
        }

        activity["from"] = User(userId, name);
        activity["recipient"] = Bot();
        activity.Remove("serviceUrl");

        string id;
        if (IsEphemeral(type))
        {
            id = EphemeralId(conversation.Id);
            activity["id"] = id;
        }
        else
        {
            var stored = await store.AppendActivityAsync(conversation.Id, now, sequence =>
            {
                activity["id"] = ActivityId(conversation.Id, sequence);
                return activity.ToJsonString();
            }, cancellationToken);
            id = ActivityId(conversation.Id, stored.Sequence);
            notifier.Publish(conversation.Id, new DirectLineDelivery(stored.Sequence, stored.Json));
        }

        await RunTurnAsync(activity, serviceUrl);
        return id;
    }

    /// <summary>
    /// Delivers an activity from the bot: typing goes to open streams only, conversationUpdate
    /// nowhere (clients never see it), anything else is stored and delivered. Returns its id.
    /// </summary>
    public async Task<string> SendFromBotAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = (string?)activity["type"] ?? string.Empty;
        var conversation = await store.FindConversationAsync(conversationId, cancellationToken)
            ?? throw new DirectLineConversationNotFoundException(conversationId);

        var now = time.GetUtcNow().UtcDateTime;
        activity["timestamp"] = Timestamp(now);
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["from"] ??= Bot();
        activity["recipient"] ??= User(conversation.UserId, conversation.UserName);
        activity.Remove("serviceUrl");

        if (type == "conversationUpdate")
        {
            return EphemeralId(conversationId);
        }

        if (IsEphemeral(type))
        {
            var id = EphemeralId(conversationId);
            activity["id"] = id;
            notifier.Publish(conversationId, new DirectLineDelivery(null, activity.ToJsonString()));
            return id;
        }

        var stored = await store.AppendActivityAsync(conversationId, now, sequence =>
        {
            activity["id"] = ActivityId(conversationId, sequence);
            return activity.ToJsonString();
        }, cancellationToken);
        notifier.Publish(conversationId, new DirectLineDelivery(stored.Sequence, stored.Json));
        return ActivityId(conversationId, stored.Sequence);
    }

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, CancellationToken cancellationToken) =>
        store.ReadActivitiesAsync(conversationId, afterSequence, _options.MaxActivitiesPerPoll, cancellationToken);

    /// <summary>Typing is for whoever is watching now; conversationUpdate is for the bot alone.</summary>
    private static bool IsEphemeral(string type) => type is "typing" or "conversationUpdate";

    private async Task RunTurnAsync(JsonObject activity, string serviceUrl)
    {
        // The turn must finish even if the client gives up waiting for the response: the user's
        // activity is already stored, and the bot's replies belong in the transcript.
        try
        {
            await bot.InvokeAsync(activity, serviceUrl, CancellationToken.None);
        }
#pragma warning disable CA1031 // A failing bot must not fail the user's send: the activity is stored and echoed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, e, (string?)activity["type"], (string?)activity["conversation"]?["id"]);
        }
    }

    private JsonObject Bot() => new() { ["id"] = _options.BotId, ["name"] = _options.BotName, ["role"] = "bot" };

    private static JsonObject User(string id, string? name)
    {
        var user = new JsonObject { ["id"] = id };
        if (!string.IsNullOrEmpty(name))
        {
            user["name"] = name;
        }

        user["role"] = "user";
        return user;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string EphemeralId(string conversationId) =>
        $"{conversationId}|e{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(6))}";

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot failed a {Type} turn in Direct Line conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? type, string? conversationId);
}
