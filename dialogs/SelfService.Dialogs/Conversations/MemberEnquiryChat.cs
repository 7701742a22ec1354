using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Data.Enquiries;
using SelfService.Data.Requests;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.Requests;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// Councillors, MPs and their office caseworkers log a casework query in chat and ask where their
/// queries stand. Logging goes through the same checks and store as the portal's form
/// (<see cref="EnquiryQuestions"/>, <see cref="MemberEnquiryStore"/>): the same reference, due dates,
/// acknowledgement email and audit.
/// </summary>
public sealed class MemberEnquiryChat(ConversationOptions options, SendCards cards, ServiceLevels levels)
{
    /// <summary>More than this many open queries are summarised, with the rest on the portal page.</summary>
    public const int ListedQueries = 5;

    private static readonly string[] Fields =
        ["childFirstName", "childLastName", "childDateOfBirth", "parentName", "postcode", "caseReference", "category", "concern", "hasConsent", "consentGivenBy", "consentMethod", "consentGivenOn"];

    public static bool ActsForAMember(ChatUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Viewer.ActingForMemberId is not null;
    }

    public const string MembersOnly =
        "Logging casework queries is for councillors and MPs (and their office caseworkers), signed in with the address the council holds for them.";

    /// <summary>The form; its id rides in the submit data so a second click on the same form logs nothing new.</summary>
    public Task OfferFormAsync(ITurnContext turnContext, ChatTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        var text = "Fill in the form and choose Log the query. You get a reference straight away and an acknowledgement by email.";
        return turnContext.SendActivitiesAsync(
            [MessageFactory.Text(text), MessageFactory.Attachment(cards.MemberEnquiryForm(Guid.NewGuid(), turn.Today, levels))],
            cancellationToken);
    }

    public async Task LogAsync(ITurnContext turnContext, ChatTurn turn, JsonElement submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        if (!ActsForAMember(turn.User))
        {
            await SayAsync(turnContext, MembersOnly, cancellationToken);
            return;
        }

        var values = Fields.ToDictionary(f => f, f => Text(submitted, f), StringComparer.Ordinal);
        var check = EnquiryQuestions.Check(Input(values), turn.Today);
        if (!check.IsValid)
        {
            // The card the member typed into is still on screen with their answers: they correct it there.
            var problems = string.Join("\n", check.Errors.Select(e => "- " + e.Message).Distinct(StringComparer.Ordinal));
            await SayAsync(turnContext, $"Please correct these in the form above, then choose Log the query again:\n\n{problems}", cancellationToken);
            return;
        }

        var store = turn.Enquiries;
        var viewer = turn.User.Viewer;
        var draftId = DraftId(viewer.AccountId, Text(submitted, "form"));
        var now = DateTime.UtcNow;
        var draft = await store.FindDraftAsync(draftId, viewer.AccountId, cancellationToken);
        if (draft is null)
        {
            await store.StartDraftAsync(draftId, viewer.AccountId, check.Value!, now, cancellationToken);
        }
        else if (draft.EnquiryReference is null)
        {
            await store.SaveDraftAsync(draft.Id, viewer.AccountId, check.Value!, now, cancellationToken);
        }

        var logged = await store.LogAsync(draftId, viewer, new RequestContact(options.CouncilName, options.SendTeamEmail, options.PortalBaseUrl), now, turn.Today, cancellationToken: cancellationToken);
        if (logged is null)
        {
            await SayAsync(turnContext, MembersOnly, cancellationToken);
            return;
        }

        var heading = logged.AlreadyLogged ? "This query was already logged" : "Query logged";
        var whatNext = $"We will acknowledge it by {UkDate.DayMonthYear(logged.AcknowledgeBy)} and reply by {UkDate.DayMonthYear(logged.RespondBy)}. " +
            $"An acknowledgement is on its way by email. You can follow it here: {options.Link($"/members/enquiries/{logged.Reference}")}";
        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text($"{heading}. Your reference is {logged.Reference}. {whatNext}"), MessageFactory.Attachment(cards.Confirmation(heading, logged.Reference, whatNext))],
            cancellationToken);
    }

    /// <summary>The member's open queries with what is due next; closed ones stay on the portal page.</summary>
    public async Task ListOpenAsync(ITurnContext turnContext, ChatTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        if (!ActsForAMember(turn.User))
        {
            await SayAsync(turnContext, MembersOnly, cancellationToken);
            return;
        }

        var all = await turn.Enquiries.ListAsync(turn.User.Viewer, DateTime.UtcNow, cancellationToken);
        var answered = all.Count(e => e.Status == EnquiryStatus.Answered);
        var open = all.Where(e => e.IsOpen).OrderBy(e => e.NextDueOn).ToList();
        var lines = new StringBuilder();
        lines.Append(open.Count switch
        {
            0 => "You have no casework queries waiting for a reply.",
            1 => "You have 1 casework query waiting for a reply:",
            _ => $"You have {open.Count} casework queries waiting for a reply:",
        });
        foreach (var enquiry in open.Take(ListedQueries))
        {
            lines.Append("\n\n- ").Append(Describe(enquiry, turn.Today));
        }

        if (open.Count > ListedQueries)
        {
            lines.Append(CultureInfo.InvariantCulture, $"\n\nand {open.Count - ListedQueries} more.");
        }

        if (answered > 0)
        {
            lines.Append(CultureInfo.InvariantCulture, $"\n\n{answered} {(answered == 1 ? "query has" : "queries have")} been answered.");
        }

        lines.Append("\n\nAll your queries and the replies: ").Append(options.Link("/members/enquiries"));
        await SayAsync(turnContext, lines.ToString(), cancellationToken);
    }

    private static string Describe(MemberEnquiry enquiry, DateOnly today)
    {
        // Initials only: a chat on a shared screen or in Teams should not spell out a child's full name.
        var who = $"{CardText.Plain(enquiry.ChildFirstName)} {CardText.Plain(enquiry.ChildLastName[..1])}.";
        var due = enquiry.Status == EnquiryStatus.Logged
            ? $"to be acknowledged by {UkDate.DayMonthYear(enquiry.AcknowledgeBy)}, reply by {UkDate.DayMonthYear(enquiry.RespondBy)}"
            : $"acknowledged, reply by {UkDate.DayMonthYear(enquiry.RespondBy)}";
        var late = enquiry.IsOverdueOn(today) ? " (overdue)" : string.Empty;
        return $"{enquiry.Reference}: {who}, {EnquiryText.Category(enquiry.Category).ToLowerInvariant()}, {due}{late}";
    }

    /// <summary>
    /// The same form and account always give the same draft, so a repeated submit finds the query
    /// already logged; a form id from someone else's chat gives a different draft, not theirs.
    /// </summary>
    private static Guid DraftId(Guid accountId, string? form)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:D}/{form}"));
        return new Guid(bytes.AsSpan(0, 16));
    }

    private static EnquiryInput Input(Dictionary<string, string?> v) => new(
        v["childFirstName"], v["childLastName"], Date(v["childDateOfBirth"]), v["parentName"], v["postcode"], v["caseReference"],
        v["concern"], v["category"], v["hasConsent"], v["consentGivenBy"], v["consentMethod"], Date(v["consentGivenOn"]));

    /// <summary>Adaptive Cards send dates as yyyy-MM-dd; anything else is left for the check to name.</summary>
    private static DateParts Date(string? value)
    {
        var parts = value?.Trim().Split('-');
        return parts is { Length: 3 } ? new DateParts(parts[2], parts[1], parts[0]) : new DateParts(null, null, null);
    }

    private static string? Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static Task<ResourceResponse> SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
