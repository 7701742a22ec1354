using System.Text.Json;
using System.Text.Json.Nodes;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Schema;

public sealed class ActivityJsonTests
{
    // As the Bot Framework Emulator posts a message, including fields this library has no property for.
    private const string EmulatorMessage = """
        {
          "type": "message",
          "id": "6f5a1c40-8e13-11ef-a1b2-3d4e5f6a7b8c",
          "timestamp": "2026-11-22T09:15:42.1234567Z",
          "localTimestamp": "2026-11-22T09:15:42.123+00:00",
          "localTimezone": "Europe/London",
          "serviceUrl": "http://localhost:58101",
          "channelId": "emulator",
          "from": { "id": "c1a9e3f0-user", "name": "User", "role": "user" },
          "conversation": { "id": "8d7c6b50-conv|livechat" },
          "recipient": { "id": "b2f0-bot", "name": "Bot", "role": "bot" },
          "textFormat": "plain",
          "locale": "en-GB",
          "text": "hello",
          "attachments": [],
          "entities": [
            { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true, "supportsTts": true }
          ],
          "channelData": { "clientActivityID": "17007123456780.abc123", "clientTimestamp": "2026-11-22T09:15:42.100Z" },
          "rawTimestamp": "2026-11-22T09:15:42.123Z",
          "rawLocalTimestamp": "2026-11-22T09:15:42.123+00:00",
          "callerId": "urn:botframework:azure"
        }
        """;

    // A Teams conversationUpdate: tenant, aadObjectId, conversationType and Teams-only fields.
    private const string TeamsMembersAdded = """
        {
          "membersAdded": [ { "id": "29:1abc", "aadObjectId": "6b0e-aad", "name": "Aisha Rahman" } ],
          "type": "conversationUpdate",
          "timestamp": "2026-11-22T10:00:01.5Z",
          "id": "f:1234567890",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/uk/",
          "from": { "id": "29:1abc", "aadObjectId": "6b0e-aad" },
          "conversation": { "isGroup": false, "conversationType": "personal", "tenantId": "72f9-tenant", "id": "a:1xyz" },
          "recipient": { "id": "28:bot-app-id", "name": "SEND helper" },
          "channelData": { "tenant": { "id": "72f9-tenant" }, "eventType": "teamMemberAdded" },
          "teamsOnlyField": { "nested": [1, 2, 3] }
        }
        """;

    // An Adaptive Card Action.Submit as Web Chat sends it: value merged with inputs, postBack, no text.
    private const string CardSubmit = """
        {
          "type": "message",
          "channelId": "directline",
          "from": { "id": "dl_user1", "name": "Helen Carter", "role": "user" },
          "conversation": { "id": "conv-1" },
          "locale": "en-GB",
          "value": { "action": "pressed", "childName": "Sam" },
          "channelData": { "postBack": true, "clientActivityID": "abc" },
          "suggestedActions": { "to": ["dl_user1"], "actions": [ { "type": "imBack", "title": "Yes", "value": "yes", "futureField": 7 } ] }
        }
        """;

    [Theory]
    [InlineData(EmulatorMessage)]
    [InlineData(TeamsMembersAdded)]
    [InlineData(CardSubmit)]
    public void Real_activities_round_trip_including_fields_it_does_not_know(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

        var written = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)),
            $"Expected the same JSON back, got {written}");
    }

    [Fact]
    public void Known_fields_are_read_into_their_properties()
    {
        var message = JsonSerializer.Deserialize<Activity>(EmulatorMessage, BotJson.Options)!;
        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 15, 42, TimeSpan.Zero).AddTicks(1234567), message.Timestamp);
        Assert.Equal("8d7c6b50-conv|livechat", message.Conversation!.Id);
        Assert.Equal(RoleTypes.User, message.From!.Role);
        Assert.Equal("abc123", message.ChannelData!.Value.GetProperty("clientActivityID").GetString()![^6..]);
        Assert.Equal("urn:botframework:azure", message.CallerId);
        Assert.True(message.Entities![0].Properties!["supportsTts"].GetBoolean());
        Assert.Equal("2026-11-22T09:15:42.123Z", message.Properties!["rawTimestamp"].GetString());

        var update = JsonSerializer.Deserialize<Activity>(TeamsMembersAdded, BotJson.Options)!;
        Assert.Equal("6b0e-aad", update.MembersAdded![0].AadObjectId);
        Assert.Equal("personal", update.Conversation!.ConversationType);
        Assert.Equal("72f9-tenant", update.Conversation.TenantId);
        Assert.False(update.Conversation.IsGroup);

        var submit = JsonSerializer.Deserialize<Activity>(CardSubmit, BotJson.Options)!;
        Assert.Null(submit.Text);
        Assert.Equal("pressed", submit.Value!.Value.GetProperty("action").GetString());
        Assert.Equal("yes", ((JsonElement)submit.SuggestedActions!.Actions![0].Value!).GetString());
    }

    [Fact]
    public void Every_field_is_written_with_the_name_the_specification_gives_it()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Id = "1", Timestamp = DateTimeOffset.UnixEpoch,
            LocalTimestamp = DateTimeOffset.UnixEpoch, LocalTimezone = "Europe/London", CallerId = "c",
            ServiceUrl = "https://x", ChannelId = "test",
            From = new ChannelAccount("u", "U", RoleTypes.User) { AadObjectId = "a" },
            Conversation = new ConversationAccount("c", "C", true) { ConversationType = "t", TenantId = "t", AadObjectId = "a", Role = "r" },
            Recipient = new ChannelAccount("b"), TextFormat = TextFormatTypes.Plain,
            AttachmentLayout = AttachmentLayoutTypes.List, MembersAdded = [new("m")], MembersRemoved = [new("m")],
            ReactionsAdded = [new MessageReaction { Type = "like" }], ReactionsRemoved = [new MessageReaction { Type = "like" }],
            TopicName = "t", HistoryDisclosed = false, Locale = "en-GB", Text = "t", Speak = "s",
            InputHint = InputHints.ExpectingInput, Summary = "s",
            SuggestedActions = new SuggestedActions(["u"], [new CardAction(ActionTypes.ImBack, "T", "v") { Image = "i", ImageAltText = "a", Text = "t", DisplayText = "d", ChannelData = BotJson.ToElement(1) }]),
            Attachments = [new Attachment(AttachmentContentTypes.AdaptiveCard, new { type = "AdaptiveCard" }, "https://c", "n") { ThumbnailUrl = "https://t" }],
            Entities = [new Entity("mention")], ChannelData = BotJson.ToElement(new { a = 1 }), Action = "add",
            ReplyToId = "0", Label = "l", ValueType = "v", Value = BotJson.ToElement(2), Name = "n",
            RelatesTo = new ConversationReference { ActivityId = "0" }, Code = EndOfConversationCodes.UserCancelled,
            Expiration = DateTimeOffset.UnixEpoch, Importance = ActivityImportance.High, DeliveryMode = DeliveryModes.Normal,
            ListenFor = ["yes"], TextHighlights = [new TextHighlight { Text = "t", Occurrence = 1 }],
            SemanticAction = new SemanticAction { Id = "s", State = "start", Entities = [] },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!.AsObject();

        string[] expected =
        [
            "type", "id", "timestamp", "localTimestamp", "localTimezone", "callerId", "serviceUrl", "channelId",
            "from", "conversation", "recipient", "textFormat", "attachmentLayout", "membersAdded", "membersRemoved",
            "reactionsAdded", "reactionsRemoved", "topicName", "historyDisclosed", "locale", "text", "speak",
            "inputHint", "summary", "suggestedActions", "attachments", "entities", "channelData", "action",
            "replyToId", "label", "valueType", "value", "name", "relatesTo", "code", "expiration", "importance",
            "deliveryMode", "listenFor", "textHighlights", "semanticAction",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["id", "name", "aadObjectId", "role"], json["from"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["isGroup", "conversationType", "id", "name", "aadObjectId", "role", "tenantId"],
            json["conversation"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["type", "title", "image", "imageAltText", "text", "displayText", "value", "channelData"],
            json["suggestedActions"]!["actions"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["contentType", "contentUrl", "content", "name", "thumbnailUrl"],
            json["attachments"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Nulls_are_left_out()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Typing }, BotJson.Options);

        Assert.Equal("""{"type":"typing"}""", json);
    }

    [Theory]
    [InlineData("2026-11-22T09:15:42+00:00", "2026-11-22T09:15:42Z")]
    [InlineData("2026-03-29T02:30:00.5+01:00", "2026-03-29T01:30:00.5Z")]
    [InlineData("2026-11-22T09:15:42.1234567-05:00", "2026-11-22T14:15:42.1234567Z")]
    public void Timestamps_are_written_in_utc_with_a_trailing_z(string given, string written)
    {
        var activity = new Activity { Timestamp = DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture) };

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal(written, json["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void The_error_body_has_the_wire_shape()
    {
        var json = JsonSerializer.Serialize(new ErrorResponse("BadArgument", "Missing type"), BotJson.Options);

        Assert.Equal("""{"error":{"code":"BadArgument","message":"Missing type"}}""", json);
    }

    [Fact]
    public void An_activity_set_carries_activities_and_the_watermark()
    {
        var set = new ActivitySet { Activities = [new Activity { Type = ActivityTypes.Message, Text = "hi" }], Watermark = "3" };

        var json = JsonSerializer.Serialize(set, BotJson.Options);

        Assert.Equal("""{"activities":[{"type":"message","text":"hi"}],"watermark":"3"}""", json);
    }

    [Fact]
    public void The_shared_options_cannot_be_changed()
    {
        Assert.Throws<InvalidOperationException>(() => BotJson.Options.WriteIndented = true);
    }
}
