using System.Text.Json;
using System.Text.RegularExpressions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Data.Conversations;
using SelfService.Domain.Calendar;

namespace SelfService.Dialogs.Conversations;

/// <summary>What the bot decided to do with a message: answered, or it must ask which child.</summary>
public sealed record Routed(bool Answered, Topic Topic = Topic.Unknown, IReadOnlyList<ChatSubject>? Choices = null)
{
    public static readonly Routed Done = new(true);
}

/// <summary>
/// Answers one <see cref="Ask"/>. Case data is read only through <see cref="Data.Cases.CaseReader"/>
/// for the turn's viewer, and a child or reference the viewer may not see gets exactly the same
/// reply as one that does not exist.
/// </summary>
public sealed partial class SendConversation(ConversationOptions options, GeneralAnswers general, CaseAnswers answers, SendCards cards, IAskReader reader, MemberEnquiryChat members)
{
    public const int MaxQueryLength = 2000;

    public async Task<Routed> HandleMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var turn = ChatTurn.From(turnContext);
        if (SubmitOf(turnContext.Activity) is { } submit)
        {
            return await HandleSubmitAsync(turnContext, turn, submit, cancellationToken);
        }

        var text = turnContext.Activity.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            await SayAsync(turnContext, general.CannotHelp, cancellationToken);
            return Routed.Done;
        }

        var subjects = await turn.SubjectsAsync(cancellationToken);
        var ask = await reader.ReadAsync(text, subjects, turn.User.IsKnown, cancellationToken);
        return await AnswerAsync(turnContext, turn, ask, cancellationToken);
    }

    public async Task<Routed> AnswerAsync(ITurnContext turnContext, ChatTurn turn, Ask ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ask);
        switch (ask.Topic)
        {
            case Topic.Greeting:
                await GreetAsync(turnContext, turn.User, cancellationToken);
                return Routed.Done;
            case Topic.Thanks:
                await SayAsync(turnContext, general.Thanks, cancellationToken);
                return Routed.Done;
            case Topic.Help:
                await SayAsync(turnContext, general.Help, cancellationToken);
                return Routed.Done;
            case Topic.Cancel:
                await SayAsync(turnContext, general.Cancelled, cancellationToken);
                return Routed.Done;
            case Topic.AboutAssessment:
                await SayAsync(turnContext, general.AboutAssessment, cancellationToken);
                return Routed.Done;
            case Topic.AboutPlan:
                await SayAsync(turnContext, general.AboutPlan, cancellationToken);
                return Routed.Done;
            case Topic.WhoCanAsk:
                await SayAsync(turnContext, general.WhoCanAsk, cancellationToken);
                return Routed.Done;
            case Topic.TwentyWeeks:
                await SayAsync(turnContext, general.TwentyWeeks, cancellationToken);
                return Routed.Done;
            case Topic.StartRequest:
                await StartRequestAsync(turnContext, turn, cancellationToken);
                return Routed.Done;
            case Topic.Complaint:
                await SayAsync(turnContext, general.Complaint, cancellationToken);
                return Routed.Done;
            case Topic.MemberQuery when MemberEnquiryChat.ActsForAMember(turn.User):
                await members.OfferFormAsync(turnContext, turn, cancellationToken);
                return Routed.Done;
            case Topic.MemberQueries when MemberEnquiryChat.ActsForAMember(turn.User):
                await members.ListOpenAsync(turnContext, turn, cancellationToken);
                return Routed.Done;
            case Topic.MemberQuery or Topic.MemberQueries:
                await SayAsync(turnContext, MemberEnquiryChat.MembersOnly, cancellationToken);
                return Routed.Done;
            case Topic.LinkAccount:
                await SayAsync(turnContext, turn.User.IsInProcessChannel ? general.LinkHere : general.LinkForCases, cancellationToken);
                return Routed.Done;
            case Topic.Unlink:
                await UnlinkAsync(turnContext, turn, cancellationToken);
                return Routed.Done;
            case Topic.CouncilSaysNo:
                await CouncilSaysNoAsync(turnContext, turn, ask, cancellationToken);
                return Routed.Done;
            case Topic.Unknown:
                await SayAsync(turnContext, general.CannotHelp, cancellationToken);
                return Routed.Done;
            default:
                return await AboutACaseAsync(turnContext, turn, ask, cancellationToken);
        }
    }

    /// <summary>Answers for the child the user picked from the choice.</summary>
    public async Task AnswerForChildAsync(ITurnContext turnContext, Topic topic, Guid childId, CancellationToken cancellationToken)
    {
        var turn = ChatTurn.From(turnContext);
        await AnswerAsync(turnContext, turn, new Ask(topic, childId), cancellationToken);
    }

    public async Task GreetAsync(ITurnContext turnContext, ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(user);
        var second = user.IsKnown
            ? "I can see the requests and plans linked to your account. What would you like to know?"
            : user.IsInProcessChannel ? general.SignInForCases : general.LinkForCases;
        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(general.Greeting), MessageFactory.Text(second), MessageFactory.Attachment(cards.Welcome("SEND Self-Service"))],
            cancellationToken);
    }

    private async Task<Routed> AboutACaseAsync(ITurnContext turnContext, ChatTurn turn, Ask ask, CancellationToken cancellationToken)
    {
        if (!turn.User.IsKnown)
        {
            var text = turn.User.IsInProcessChannel ? general.SignInForCases : general.LinkForCases;
            if (ask.Topic == Topic.TalkToPerson)
            {
                text = $"You can email the SEND team at {options.SendTeamEmail}. " + text;
            }

            await SayAsync(turnContext, text, cancellationToken);
            return Routed.Done;
        }

        if (ask.CaseReference is { } reference)
        {
            return await AnswerForReferenceAsync(turnContext, turn, ask.Topic, reference, cancellationToken);
        }

        if (ask.OtherSubject)
        {
            await SayAsync(turnContext, general.NotFound, cancellationToken);
            return Routed.Done;
        }

        var subjects = await turn.SubjectsAsync(cancellationToken);
        if (ask.ChildId is { } childId)
        {
            var subject = subjects.FirstOrDefault(s => s.ChildId == childId);
            if (subject is null)
            {
                await SayAsync(turnContext, general.NotFound, cancellationToken);
                return Routed.Done;
            }

            return await AnswerForReferenceAsync(turnContext, turn, ask.Topic, subject.FollowsPlan ? subject.PlanReference! : subject.CaseReference!, cancellationToken);
        }

        switch (subjects.Count)
        {
            case 0:
                if (ask.Topic == Topic.TalkToPerson)
                {
                    await OfferQueryFormAsync(turnContext, null, cancellationToken);
                }
                else
                {
                    await SayAsync(turnContext, general.NoCases, cancellationToken);
                }

                return Routed.Done;
            case 1:
                var only = subjects[0];
                return await AnswerForReferenceAsync(turnContext, turn, ask.Topic, only.FollowsPlan ? only.PlanReference! : only.CaseReference!, cancellationToken);
            default:
                return new Routed(false, ask.Topic, subjects);
        }
    }

    /// <summary>Reads the request or plan through the policy; not entitled and not there are one and the same answer.</summary>
    private async Task<Routed> AnswerForReferenceAsync(ITurnContext turnContext, ChatTurn turn, Topic topic, string reference, CancellationToken cancellationToken)
    {
        var viewer = turn.User.Viewer;
        CaseFacts? facts = null;
        foreach (var candidate in ReferenceSpellings(reference))
        {
            if (await turn.Reader.FindForViewerAsync(candidate, viewer, ChatChannel.Name, cancellationToken) is { } record)
            {
                facts = answers.Facts(record, turn.Today);
                break;
            }

            if (await turn.Reader.FindPlanForViewerAsync(candidate, viewer, ChatChannel.Name, cancellationToken) is { } plan)
            {
                facts = answers.Facts(plan, turn.Today);
                break;
            }
        }

        if (facts is null)
        {
            await SayAsync(turnContext, general.NotFound, cancellationToken);
            return Routed.Done;
        }

        switch (topic)
        {
            case Topic.NextStep:
                var links = new List<(string, string)> { ("Open the case page", facts.Url) };
                if (facts.DraftResponseDeadline is not null)
                {
                    links.Add(("Respond to the draft plan", options.Link(CaseAnswers.DraftResponsePath(facts.Reference))));
                }

                var steps = new List<string> { facts.CaseworkerName is { } name ? $"Your caseworker is {name}. You can ask them about anything on this." : "A caseworker has not been named yet." };
                await SendAsync(turnContext, answers.NextStepText(facts, turn.Today), cards.NextSteps(facts, steps, links), cancellationToken);
                break;
            case Topic.Deadlines:
                await SendAsync(turnContext, answers.DeadlinesText(facts, turn.Today), cards.Timeline(facts), cancellationToken);
                break;
            case Topic.Caseworker:
                await SendAsync(turnContext, answers.CaseworkerReply(facts), cards.CaseworkerContact(facts), cancellationToken);
                break;
            case Topic.RespondToDraft:
                await SayAsync(turnContext, facts.DraftResponseDeadline is { } draft
                    ? $"You can respond to the draft plan for {CardText.Plain(facts.Title)} until {UkDate.Long(draft)}: {options.Link(CaseAnswers.DraftResponsePath(facts.Reference))}"
                    : $"There is no draft plan waiting for your response on {CardText.Plain(facts.Title)}. {CardText.Plain(facts.NextStep)}", cancellationToken);
                break;
            case Topic.TalkToPerson:
                await OfferQueryFormAsync(turnContext, facts, cancellationToken);
                break;
            case Topic.CouncilSaysNo:
                await SayAsync(turnContext, facts.AppealText is { } appeal ? $"For {CardText.Plain(facts.Title)}: {appeal}" : general.CouncilSaysNo, cancellationToken);
                break;
            default:
                await SendAsync(turnContext, answers.StatusText(facts), cards.Timeline(facts), cancellationToken);
                break;
        }

        return Routed.Done;
    }

    private async Task CouncilSaysNoAsync(ITurnContext turnContext, ChatTurn turn, Ask ask, CancellationToken cancellationToken)
    {
        await SayAsync(turnContext, general.CouncilSaysNo, cancellationToken);
        if (!turn.User.IsKnown)
        {
            return;
        }

        if (ask.CaseReference is not null || ask.ChildId is not null || ask.OtherSubject)
        {
            // A choice is not offered here: the general answer has been given already.
            await AboutACaseAsync(turnContext, turn, ask, cancellationToken);
            return;
        }

        foreach (var subject in await turn.SubjectsAsync(cancellationToken))
        {
            if (subject.CaseReference is { } reference && !subject.CaseIsOpen
                && await turn.Reader.FindForViewerAsync(reference, turn.User.Viewer, ChatChannel.Name, cancellationToken) is { } record
                && answers.Facts(record, turn.Today) is { AppealText: { } appeal } facts)
            {
                await SayAsync(turnContext, $"For {CardText.Plain(facts.Title)}: {appeal}", cancellationToken);
            }
        }
    }

    /// <summary>Into the portal's request journey: straight back into a request already started, if there is one.</summary>
    private async Task StartRequestAsync(ITurnContext turnContext, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.User.IsKnown
            && (await turn.Drafts.ListAsync(turn.User.Viewer.AccountId, cancellationToken)).FirstOrDefault(d => !d.IsSubmitted) is { } draft)
        {
            await SayAsync(turnContext,
                $"You started a request on {UkDate.DayMonthYear(DateOnly.FromDateTime(draft.CreatedAtUtc))}. Carry on where you left off: {options.Link($"/requests/{draft.Id:D}")}. " +
                $"To start another one instead: {options.Link("/requests/new")}", cancellationToken);
            return;
        }

        await SayAsync(turnContext, general.StartRequest, cancellationToken);
    }

    private async Task UnlinkAsync(ITurnContext turnContext, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.User.IsInProcessChannel)
        {
            await SayAsync(turnContext, turn.User.IsKnown ? general.NothingToForgetHere : general.NothingToForget, cancellationToken);
            return;
        }

        var removed = await turn.Links.UnlinkAsync(turn.User.ChannelId, turn.User.ChannelUserId, cancellationToken);
        await SayAsync(turnContext, removed ? general.Forgotten : general.NothingToForget, cancellationToken);
    }

    private async Task OfferQueryFormAsync(ITurnContext turnContext, CaseFacts? facts, CancellationToken cancellationToken)
    {
        var recipient = facts?.CaseworkerName ?? "the SEND team";
        var about = facts is null ? "" : $" about {CardText.Plain(facts.Title)}";
        await SendAsync(turnContext, $"Type your message{about} in the form and choose Send message. It will go to {CardText.Plain(recipient)} with this conversation.", cards.QueryForm(recipient, facts?.Reference), cancellationToken);
    }

    private async Task<Routed> HandleSubmitAsync(ITurnContext turnContext, ChatTurn turn, Submit submit, CancellationToken cancellationToken)
    {
        switch (submit.Action)
        {
            case SubmitActions.SendMessage:
                await SendMessageAsync(turnContext, turn, submit, cancellationToken);
                return Routed.Done;
            case SubmitActions.LogEnquiry:
                await members.LogAsync(turnContext, turn, turnContext.Activity.Value!.Value, cancellationToken);
                return Routed.Done;
            case SubmitActions.Cancel:
                await SayAsync(turnContext, general.Cancelled, cancellationToken);
                return Routed.Done;
            case SubmitActions.Request:
                return await AnswerAsync(turnContext, turn, new Ask(Topic.StartRequest), cancellationToken);
            default:
                var topic = submit.Action switch
                {
                    SubmitActions.Status => Topic.Status,
                    SubmitActions.NextSteps => Topic.NextStep,
                    SubmitActions.TalkToPerson or SubmitActions.Enquiry => Topic.TalkToPerson,
                    _ => Topic.Unknown,
                };
                return await AnswerAsync(turnContext, turn, new Ask(topic, CaseReference: submit.Reference), cancellationToken);
        }
    }

    private async Task SendMessageAsync(ITurnContext turnContext, ChatTurn turn, Submit submit, CancellationToken cancellationToken)
    {
        if (!turn.User.IsKnown)
        {
            await SayAsync(turnContext, turn.User.IsInProcessChannel ? general.SignInForCases : general.LinkForCases, cancellationToken);
            return;
        }

        var message = submit.Message?.Trim() ?? string.Empty;
        if (message.Length == 0)
        {
            await SayAsync(turnContext, general.MessageEmpty, cancellationToken);
            return;
        }

        if (message.Length > MaxQueryLength)
        {
            await SayAsync(turnContext, $"Sorry, that message is too long. Please keep it under {MaxQueryLength} characters, or email {options.SendTeamEmail}.", cancellationToken);
            return;
        }

        Guid? caseId = null;
        string? caseReference = null;
        var recipient = options.SendTeamEmail;
        var recipientName = "the SEND team";
        if (!string.IsNullOrEmpty(submit.Reference))
        {
            var found = await turn.Reader.FindForViewerAsync(submit.Reference, turn.User.Viewer, ChatChannel.Name, cancellationToken);
            var plan = found is null ? await turn.Reader.FindPlanForViewerAsync(submit.Reference, turn.User.Viewer, ChatChannel.Name, cancellationToken) : null;
            if (found is null && plan is null)
            {
                await SayAsync(turnContext, general.NotFound, cancellationToken);
                return;
            }

            caseId = found?.Case.Id ?? plan!.Plan.AssessmentCaseId;
            caseReference = found?.Case.Reference ?? plan!.Plan.Reference;
            var caseworker = found?.Caseworker ?? plan?.Caseworker;
            if (caseworker is not null)
            {
                recipient = caseworker.Email;
                recipientName = caseworker.Name;
            }
        }

        var transcript = submit.IncludeTranscript ? turn.Transcript + "\n\n" : string.Empty;
        var handoff = await turn.Handoffs.CreateAsync(
            new HandoffRequest(turn.User.Viewer.AccountId, turn.User.Viewer.Email, turn.User.ChannelId, caseId, caseReference, recipient,
                $"{transcript}Message: {message}"),
            cancellationToken);
        var whatNext = general.MessageSentWhatNext(CardText.Plain(recipientName));
        await SendAsync(turnContext, $"Message sent. Your reference is {handoff.Reference}. {whatNext}", cards.Confirmation("Message sent", handoff.Reference, whatNext), cancellationToken);
    }

    /// <summary>
    /// A typed reference as read, and with one fewer leading zero: older references have five
    /// digits, and the understanding writes six. Each spelling goes through the policy alike.
    /// </summary>
    private static IEnumerable<string> ReferenceSpellings(string reference)
    {
        yield return reference;
        if (ShortReference().Match(reference) is { Success: true } m)
        {
            yield return $"{m.Groups["prefix"].Value}{m.Groups["number"].Value}";
        }
    }

    [GeneratedRegex(@"^(?<prefix>EHC-\d{4}-|EHCP-)0(?<number>\d{5})$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ShortReference();

    private static Task<ResourceResponse> SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private static Task<ResourceResponse[]> SendAsync(ITurnContext turnContext, string text, Attachment card, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync([MessageFactory.Text(text), MessageFactory.Attachment(card)], cancellationToken);

    private static Submit? SubmitOf(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new Submit(
            action.GetString()!,
            Text(value, "reference") is { Length: > 0 and <= 40 } reference ? reference : null,
            Text(value, "message") ?? Text(value, "question"),
            Text(value, "includeTranscript") != "false");
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private sealed record Submit(string Action, string? Reference, string? Message, bool IncludeTranscript);
}
