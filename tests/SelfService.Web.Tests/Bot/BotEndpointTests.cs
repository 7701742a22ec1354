using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Integration;
using SelfService.BotFramework.Schema;
using SelfService.Web.Bot;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// <c>POST /api/messages</c> through the real host, as a channel calls it, with replies checked
/// where a channel would see them: posted to its serviceUrl.
/// </summary>
public sealed class BotEndpointTests(BotWebAppFactory factory) : IClassFixture<BotWebAppFactory>
{
    private const string UserId = "user-helen";

    private Activity Incoming(string type, string conversationId, Action<Activity>? change = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = $"act-{Guid.NewGuid():N}",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = Channels.Emulator,
            ServiceUrl = factory.Channel.ServiceUrl,
            From = new ChannelAccount(UserId, "Helen Carter", RoleTypes.User),
            Recipient = new ChannelAccount("bot-1", "SEND helper", RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            Locale = "en-GB",
        };
        change?.Invoke(activity);
        return activity;
    }

    private Activity Message(string text, string conversationId) =>
        Incoming(ActivityTypes.Message, conversationId, a => a.Text = text);

    private async Task<HttpResponseMessage> Post(Activity activity) =>
        await factory.CreateClient().PostAsJsonAsync(BotHosting.MessagesPath, activity, BotJson.Options);

    private async Task<HttpResponseMessage> PostRaw(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await factory.CreateClient().PostAsync(new Uri(BotHosting.MessagesPath, UriKind.Relative), content);
    }

    private static string NewConversation() => $"conv-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_message_runs_a_turn_and_the_reply_is_posted_to_the_channel_as_an_answer()
    {
        var conversation = NewConversation();
        var message = Message("hello there", conversation);

        using var response = await Post(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(factory.Channel.ForConversation(conversation));
        Assert.Equal($"/v3/conversations/{conversation}/activities/{message.Id}", post.Path);
        Assert.Equal(message.Id, post.ReplyToId);
        var reply = post.Activity;
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("echo: hello there", reply.Text);
        Assert.Equal("bot-1", reply.From!.Id);
        Assert.Equal(UserId, reply.Recipient!.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
        Assert.Equal("en-GB", reply.Locale);
    }

    [Fact]
    public async Task Card_replies_with_an_adaptive_card_attachment()
    {
        var conversation = NewConversation();

        using var response = await Post(Message(DiagnosticBot.CardText, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attachment = Assert.Single(Assert.Single(factory.Channel.ForConversation(conversation)).Activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = JsonNode.Parse(((JsonElement)attachment.Content!).GetRawText())!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var input = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.Text")!;
        Assert.Equal(DiagnosticBot.InputLabel, input["label"]!.GetValue<string>());
        var submit = card["actions"]![0]!;
        Assert.Equal("Action.Submit", submit["type"]!.GetValue<string>());
        Assert.Equal("pressed", submit["data"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_submit_arrives_as_a_value_and_is_echoed_as_compact_json()
    {
        var conversation = NewConversation();
        var submit = Incoming(ActivityTypes.Message, conversation, a =>
        {
            a.Value = BotJson.ToElement(new { action = "pressed", comment = "Sam needs help with reading" });
            a.ChannelData = BotJson.ToElement(new { postBack = true });
        });

        using var response = await Post(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """value: {"action":"pressed","comment":"Sam needs help with reading"}""",
            Assert.Single(factory.Channel.ForConversation(conversation)).Activity.Text);
    }

    [Fact]
    public async Task Typing_sends_a_typing_activity_before_the_text()
    {
        var conversation = NewConversation();

        using var response = await Post(Message(DiagnosticBot.TypingText, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = factory.Channel.ForConversation(conversation);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], posts.Select(p => p.Activity.Type));
        Assert.Equal(DiagnosticBot.DoneTyping, posts[1].Activity.Text);
    }

    [Fact]
    public async Task A_failing_turn_is_apologised_for_not_answered_with_a_server_error()
    {
        var conversation = NewConversation();

        using var response = await Post(Message(DiagnosticBot.FailText, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(factory.Channel.ForConversation(conversation)).Activity;
        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticBot.FailureMessage, apology.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_members_are_welcomed_but_the_bot_joining_is_not()
    {
        var conversation = NewConversation();
        var update = Incoming(ActivityTypes.ConversationUpdate, conversation, a =>
            a.MembersAdded = [new ChannelAccount("bot-1", "SEND helper"), new ChannelAccount(UserId, "Helen Carter")]);

        using var response = await Post(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("welcome: Helen Carter", Assert.Single(factory.Channel.ForConversation(conversation)).Activity.Text);
    }

    [Fact]
    public async Task An_invoke_is_answered_in_the_response_body()
    {
        var conversation = NewConversation();

        using var response = await Post(Incoming(ActivityTypes.Invoke, conversation, a => a.Name = "ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"pong":true}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_know_answers_501_not_500()
    {
        using var response = await Post(Incoming(ActivityTypes.Invoke, NewConversation(), a => a.Name = "adaptiveCard/action"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_accepted_and_ignored()
    {
        var conversation = NewConversation();

        using var response = await Post(Incoming("hologram", conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", "not a JSON activity")]
    [InlineData("", "not a JSON activity")]
    [InlineData("{\"conversation\":{\"id\":\"c1\"},\"text\":\"hi\"}", "no type")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", "no conversation id")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c1\"},\"from\":\"not an object\"}", "not a JSON activity")]
    public async Task A_body_that_is_not_a_usable_activity_gets_400_with_a_reason(string body, string reason)
    {
        using var response = await PostRaw(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var conversation = NewConversation();
        var huge = Message(new string('x', 300 * 1024), conversation);

        using var response = await Post(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MessageSizeTooBig", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.Channel.ForConversation(conversation));
    }

    [Fact]
    public async Task A_users_turn_saves_their_conversation_reference_and_a_proactive_message_reaches_them()
    {
        var conversation = NewConversation();
        var userId = $"user-{Guid.NewGuid():N}";
        var message = Message(DiagnosticBot.LaterText, conversation);
        message.From = new ChannelAccount(userId, "Aisha Rahman", RoleTypes.User);

        using var response = await Post(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DiagnosticBot.LaterReply, Assert.Single(factory.Channel.ForConversation(conversation)).Activity.Text);

        var store = factory.Services.GetRequiredService<IConversationReferenceStore>();
        var reference = Assert.Single(await store.ListByUserAsync(userId, default));
        Assert.Equal(conversation, reference.Conversation!.Id);
        Assert.Equal(factory.Channel.ServiceUrl, reference.ServiceUrl);

        var adapter = factory.Services.GetRequiredService<BotAdapter>();
        await adapter.ContinueConversationAsync(
            "bot-app-id", reference, (turn, ct) => turn.SendActivityAsync("Your draft plan is ready.", cancellationToken: ct), default);

        var proactive = factory.Channel.ForConversation(conversation)[1];
        Assert.Equal($"/v3/conversations/{conversation}/activities", proactive.Path);
        Assert.Equal("Your draft plan is ready.", proactive.Activity.Text);
        Assert.Equal(userId, proactive.Activity.Recipient!.Id);
    }

    [Fact]
    public async Task Without_an_app_id_in_development_no_authorization_header_is_needed()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotFrameworkOptions>>().Value;
        Assert.False(options.HasAppId);
        Assert.IsType<DevelopmentChannelAuthenticator>(factory.Services.GetRequiredService<IChannelAuthenticator>());

        using var response = await Post(Message("no token", NewConversation()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
