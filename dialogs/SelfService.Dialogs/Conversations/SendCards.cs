using SelfService.BotFramework.Cards;
using SelfService.BotFramework.Schema;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.Timeline;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// The Adaptive Cards the bot sends, from the templates in <c>cards/</c>. Every value comes from
/// the case store or the bot's own words, escaped; nothing the user typed goes into a card.
/// </summary>
public sealed class SendCards(CardTemplates templates, ConversationOptions options)
{
    public Attachment Welcome(string serviceName) =>
        templates.Attachment("welcome", new { serviceName = CardText.Plain(serviceName), aboutUrl = options.Link("/what-happens-and-when") });

    public Attachment Timeline(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return templates.Attachment("timeline", new
        {
            title = CardText.Plain(facts.Title),
            stage = CardText.Plain(facts.Stage),
            reference = facts.Reference,
            nextDeadlineText = facts.IsPlan && facts.NextReviewDueOn is { } review
                ? $"Annual review meeting: {UkDate.DayMonthYear(review)}"
                : CardText.Plain(CaseAnswers.NextDeadlineText(facts)),
            caseworkerText = CardText.Plain(CaseAnswers.CaseworkerText(facts)),
            isLate = CaseAnswers.LateText(facts) is not null,
            lateText = CaseAnswers.LateText(facts) ?? string.Empty,
            nextStep = CardText.Plain(facts.NextStep),
            exceptions = facts.Exceptions.Select(e => new { text = CardText.Plain(e) }).ToList(),
            milestones = facts.Milestones.Select(m => new
            {
                name = CardText.Plain(CaseWording.MilestoneName(m)),
                due = UkDate.DayMonthYear(m.Due),
                progress = Progress(m),
            }).ToList(),
            caseUrl = facts.Url,
        });
    }

    public Attachment NextSteps(CaseFacts facts, IReadOnlyList<string> steps, IReadOnlyList<(string Title, string Url)> links)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(links);
        return templates.Attachment("next-steps", new
        {
            title = CardText.Plain(facts.Title),
            nextStep = CardText.Plain(facts.NextStep),
            isLate = CaseAnswers.LateText(facts) is not null,
            lateText = CaseAnswers.LateText(facts) ?? string.Empty,
            steps = steps.Select(s => new { text = CardText.Plain(s) }).ToList(),
            links = links.Select(l => new { title = l.Title, url = l.Url }).ToList(),
        });
    }

    public Attachment CaseworkerContact(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var named = facts.CaseworkerName is not null;
        var email = named ? facts.CaseworkerEmail! : options.SendTeamEmail;
        var facts2 = new List<object>();
        if (named)
        {
            facts2.Add(new { title = "Caseworker", value = CardText.Plain(facts.CaseworkerName) });
            facts2.Add(new { title = "Team", value = CardText.Plain(facts.CaseworkerTeam) });
        }
        else
        {
            facts2.Add(new { title = "Caseworker", value = "Not named yet" });
        }

        facts2.Add(new { title = "Email", value = CardText.Plain(email) });
        if (named && !string.IsNullOrEmpty(facts.CaseworkerPhone))
        {
            facts2.Add(new { title = "Telephone", value = CardText.Plain(facts.CaseworkerPhone) });
        }

        return templates.Attachment("caseworker-contact", new
        {
            heading = $"Who is dealing with {CardText.Plain(facts.Title)}",
            facts = facts2,
            advice = $"Quote the reference {facts.Reference}.",
            emailName = named ? CardText.Plain(facts.CaseworkerName) : "the SEND team",
            mailto = $"mailto:{email}",
            reference = facts.Reference,
        });
    }

    /// <summary>The form for a message to a person; the reference rides in the submit data and is checked again on return.</summary>
    public Attachment QueryForm(string recipientName, string? reference) =>
        templates.Attachment("query-form", new
        {
            heading = $"Send a message to {CardText.Plain(recipientName)}",
            intro = "We will send your message, with this conversation so far, to the person dealing with it. They will reply by email. Do not include bank details or passwords.",
            messageLabel = "Your message",
            submitTitle = "Send message",
            submitAction = SubmitActions.SendMessage,
            reference = reference ?? string.Empty,
        });

    /// <summary>The members' query form. Its inputs start empty: what the member types stays in their copy of the card.</summary>
    public Attachment MemberEnquiryForm(Guid form, DateOnly today, ServiceLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return templates.Attachment("member-enquiry", new
        {
            heading = "Log a casework query for a constituent",
            intro = $"We will acknowledge it within {levels.EnquiryAcknowledgeWorkingDays} working days and reply within {levels.EnquiryRespondWorkingDays} working days. Only include what the constituent has agreed to share.",
            today = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            categories = Enum.GetValues<EnquiryCategory>().Select(c => new { title = EnquiryText.Category(c), value = c.ToString() }).ToList(),
            consentMethods = Enum.GetValues<EnquiryConsentMethod>().Select(m => new { title = EnquiryText.ConsentMethod(m), value = m.ToString() }).ToList(),
            evidenceNote = $"To attach evidence of consent, log the query on the portal instead: {options.Link("/members/enquiries/new")}",
            submitAction = SubmitActions.LogEnquiry,
            form = form.ToString("D"),
        });
    }

    public Attachment Confirmation(string heading, string reference, string whatNext) =>
        templates.Attachment("confirmation", new { heading, reference, whatNext });

    private static string Progress(Milestone milestone) => milestone switch
    {
        { Status: MilestoneStatus.Late, Completed: { } done } => $"Done on {UkDate.DayMonthYear(done)}, {CaseWording.Duration(milestone.DaysOverdue)} late",
        { Completed: { } done } => $"Done on {UkDate.DayMonthYear(done)}",
        { Status: MilestoneStatus.Overdue } => $"Overdue by {CaseWording.Duration(milestone.DaysOverdue)}",
        _ => "Not done yet",
    };
}

/// <summary>The <c>action</c> values the bot's cards submit.</summary>
public static class SubmitActions
{
    public const string Status = "status";
    public const string Request = "request";
    public const string Enquiry = "enquiry";
    public const string NextSteps = "nextSteps";
    public const string TalkToPerson = "talkToPerson";
    public const string SendMessage = "sendMessage";
    public const string Cancel = "cancel";
    public const string LogEnquiry = "logEnquiry";
}
