using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>Shorthands for the messages a bot sends most.</summary>
public static class MessageFactory
{
    public static Activity Text(string? text, string? ssml = null, string? inputHint = InputHints.AcceptingInput)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        activity.Speak = ssml;
        activity.InputHint = inputHint;
        return activity;
    }

    public static Activity Attachment(
        Attachment attachment, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Attachment([attachment], text, ssml, inputHint);
    }

    public static Activity Attachment(
        IEnumerable<Attachment> attachments, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var activity = Text(text, ssml, inputHint);
        activity.Attachments = attachments.ToList();
        return activity;
    }

    public static Activity Carousel(
        IEnumerable<Attachment> attachments, string? text = null, string? ssml = null, string? inputHint = null)
    {
        var activity = Attachment(attachments, text, ssml, inputHint);
        activity.AttachmentLayout = AttachmentLayoutTypes.Carousel;
        return activity;
    }

    /// <summary>A message with one imBack button per choice (the button's title and value are the choice).</summary>
    public static Activity SuggestedActions(
        IEnumerable<string> choices, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return SuggestedActions(choices.Select(c => new CardAction(ActionTypes.ImBack, c, c)), text, ssml, inputHint);
    }

    public static Activity SuggestedActions(
        IEnumerable<CardAction> actions, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var activity = Text(text, ssml, inputHint);
        activity.SuggestedActions = new Schema.SuggestedActions(null, actions);
        return activity;
    }
}
