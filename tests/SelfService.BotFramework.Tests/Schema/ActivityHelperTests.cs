using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Schema;

public sealed class ActivityHelperTests
{
    private static Activity Incoming() => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = Channels.Directline,
        ServiceUrl = "https://channel.example/",
        From = new ChannelAccount("user-1", "Helen Carter", RoleTypes.User),
        Recipient = new ChannelAccount("bot-1", "SEND helper", RoleTypes.Bot),
        Conversation = new ConversationAccount("conv-1"),
        Locale = "en-GB",
        Text = "hello",
    };

    [Fact]
    public void A_reply_swaps_the_parties_and_answers_the_incoming_activity()
    {
        var reply = Incoming().CreateReply("hi there");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("bot-1", reply.From!.Id);
        Assert.Equal("user-1", reply.Recipient!.Id);
        Assert.Equal("conv-1", reply.Conversation!.Id);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("en-GB", reply.Locale);
        Assert.Equal(Channels.Directline, reply.ChannelId);
        Assert.Equal("https://channel.example/", reply.ServiceUrl);
        Assert.Equal("hi there", reply.Text);
        Assert.Null(reply.Id);
    }

    [Fact]
    public void A_conversation_reference_takes_who_and_where_from_the_activity()
    {
        var reference = Incoming().GetConversationReference();

        Assert.Equal("in-1", reference.ActivityId);
        Assert.Equal("user-1", reference.User!.Id);
        Assert.Equal("bot-1", reference.Bot!.Id);
        Assert.Equal("conv-1", reference.Conversation!.Id);
        Assert.Equal(Channels.Directline, reference.ChannelId);
        Assert.Equal("https://channel.example/", reference.ServiceUrl);
        Assert.Equal("en-GB", reference.Locale);
    }

    [Fact]
    public void Applying_a_reference_addresses_an_outgoing_activity_to_the_user()
    {
        var reference = Incoming().GetConversationReference();

        var outgoing = MessageFactory.Text("later").ApplyConversationReference(reference);

        Assert.Equal("bot-1", outgoing.From!.Id);
        Assert.Equal("user-1", outgoing.Recipient!.Id);
        Assert.Equal("in-1", outgoing.ReplyToId);
        Assert.Equal("conv-1", outgoing.Conversation!.Id);
        Assert.Equal("https://channel.example/", outgoing.ServiceUrl);
    }

    [Fact]
    public void Applying_a_reference_as_incoming_makes_the_user_the_sender()
    {
        var reference = Incoming().GetConversationReference();

        var incoming = Activity.CreateEventActivity().ApplyConversationReference(reference, isIncoming: true);

        Assert.Equal("user-1", incoming.From!.Id);
        Assert.Equal("bot-1", incoming.Recipient!.Id);
        Assert.Equal("in-1", incoming.Id);
        Assert.Null(incoming.ReplyToId);
    }

    [Fact]
    public void The_continuation_activity_is_a_continue_conversation_event_from_the_user()
    {
        var reference = Incoming().GetConversationReference();

        var continuation = reference.GetContinuationActivity();

        Assert.Equal(ActivityTypes.Event, continuation.Type);
        Assert.Equal(ConversationReference.ContinueConversationEventName, continuation.Name);
        Assert.Equal("user-1", continuation.From!.Id);
        Assert.Equal("bot-1", continuation.Recipient!.Id);
        Assert.Equal("conv-1", continuation.Conversation!.Id);
        Assert.Equal("https://channel.example/", continuation.ServiceUrl);
        Assert.Same(reference, continuation.RelatesTo);
        // A reply built from it goes back to the user.
        Assert.Equal("user-1", continuation.CreateReply("news").Recipient!.Id);
    }

    [Fact]
    public void The_message_factory_builds_text_cards_and_suggested_actions()
    {
        var text = MessageFactory.Text("hello");
        Assert.Equal(ActivityTypes.Message, text.Type);
        Assert.Equal("hello", text.Text);
        Assert.Equal(InputHints.AcceptingInput, text.InputHint);

        var card = MessageFactory.Attachment(new Attachment(AttachmentContentTypes.AdaptiveCard, new { type = "AdaptiveCard" }));
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, Assert.Single(card.Attachments!).ContentType);

        var choices = MessageFactory.SuggestedActions(["Yes", "No"], "Carry on?");
        Assert.Equal("Carry on?", choices.Text);
        Assert.Equal(["Yes", "No"], choices.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(choices.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
    }
}
