using System.Text.Json;
using System.Text.Json.Nodes;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// A bot for protocol tests, whose every answer is predictable:
/// <list type="bullet">
/// <item>any text: <c>echo: &lt;text&gt;</c></item>
/// <item><c>card</c>: an Adaptive Card 1.5 with a labelled Input.Text and an Action.Submit with object data</item>
/// <item>a message with a <c>value</c> (a card submit): <c>value: &lt;compact JSON&gt;</c></item>
/// <item><c>typing</c>: a typing activity, then <c>done typing</c></item>
/// <item><c>fail</c>: throws, to exercise the adapter's turn error handling</item>
/// <item><c>later</c>: replies <c>I will message you later.</c> and keeps nothing itself</item>
/// <item>members added (other than the bot): <c>welcome: &lt;name or id&gt;</c></item>
/// <item>invoke <c>ping</c>: 200 <c>{"pong":true}</c></item>
/// </list>
/// </summary>
public sealed class DiagnosticBot : ActivityHandler
{
    public const string CardText = "card";
    public const string FailText = "fail";
    public const string TypingText = "typing";
    public const string LaterText = "later";
    public const string LaterReply = "I will message you later.";
    public const string DoneTyping = "done typing";
    public const string FailureMessage = "The diagnostic bot failed on purpose.";
    public const string InputId = "comment";
    public const string InputLabel = "Your comment";
    public const string SubmitTitle = "Press";

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Value is { } value && value.ValueKind != JsonValueKind.Undefined)
        {
            await turnContext.SendActivityAsync($"value: {JsonSerializer.Serialize(value)}", cancellationToken: cancellationToken);
            return;
        }

        var text = activity.Text?.Trim() ?? string.Empty;
        switch (text)
        {
            case CardText:
                await turnContext.SendActivityAsync(MessageFactory.Attachment(Card()), cancellationToken);
                break;
            case TypingText:
                await turnContext.SendActivityAsync(Activity.CreateTypingActivity(), cancellationToken);
                await turnContext.SendActivityAsync(DoneTyping, cancellationToken: cancellationToken);
                break;
            case FailText:
                throw new InvalidOperationException(FailureMessage);
            case LaterText:
                await turnContext.SendActivityAsync(LaterReply, cancellationToken: cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync($"echo: {text}", cancellationToken: cancellationToken);
                break;
        }
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync($"welcome: {member.Name ?? member.Id}", cancellationToken: cancellationToken);
        }
    }

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Name == "ping"
            ? Task.FromResult(new InvokeResponse(200, new JsonObject { ["pong"] = true }))
            : base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }

    public static Attachment Card() => new(
        AttachmentContentTypes.AdaptiveCard,
        new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["speak"] = "Diagnostic card",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = "Diagnostic card", ["wrap"] = true },
                new JsonObject { ["type"] = "Input.Text", ["id"] = InputId, ["label"] = InputLabel }),
            ["actions"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = SubmitTitle,
                    ["data"] = new JsonObject { ["action"] = "pressed" },
                }),
        });
}
