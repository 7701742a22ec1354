using System.Globalization;
using System.Text;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Requests;

/// <summary>
/// The "we have your request" email: specific enough to act on without signing in (whose request,
/// the reference, the dates the law sets and who to contact), unlike the vague notifications
/// families complain of.
/// </summary>
public static class RequestConfirmationEmail
{
    public const string Kind = "requestReceived";

    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<OutboxMessage> Create(
        RequestAnswers answers,
        string reference,
        DateOnly receivedOn,
        AssessmentTimeline timeline,
        IReadOnlyList<(string Email, string Name)> recipients,
        RequestContact contact,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(contact);
        var childName = answers.Child?.DisplayName ?? "the child or young person";
        var decisionDue = timeline.Milestones.Single(m => m.Key == MilestoneKeys.DecisionToAssess).Due;
        var finalPlanDue = timeline.Milestones.Single(m => m.Key == MilestoneKeys.FinalPlan).Due;
        var subject = $"Request for an EHC needs assessment for {childName} received: {reference}";

        return [.. recipients.Select(r => OutboxEmail.Create(
            nowUtc,
            Kind,
            r.Email,
            subject,
            Body(r.Name, childName, answers.WhoIsAsking?.Requester, reference, receivedOn, decisionDue, finalPlanDue, contact)))];
    }

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", UkEnglish);

    private static string Body(string name, string childName, Requester? requester, string reference, DateOnly receivedOn, DateOnly decisionDue, DateOnly finalPlanDue, RequestContact contact)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {name},");
        text.AppendLine();
        var asker = requester == Requester.SchoolWithParentalConsent ? "a school or setting, with a parent's consent," : "you";
        text.AppendLine(CultureInfo.InvariantCulture, $"{contact.CouncilName} has received the request {asker} made for an education, health and care (EHC) needs assessment for {childName}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reference: {reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Received on: {LongDate(receivedOn)}");
        text.AppendLine();
        text.AppendLine("What happens next");
        text.AppendLine();
        text.AppendLine("1. A member of the SEND team will look at the request and may contact you for more information. You can also send us your views.");
        text.AppendLine(CultureInfo.InvariantCulture, $"2. We will tell you whether we will carry out an EHC needs assessment by {LongDate(decisionDue)} (6 weeks from the day we received the request).");
        text.AppendLine(CultureInfo.InvariantCulture, $"3. If we assess and then issue an EHC plan, the final plan must be issued by {LongDate(finalPlanDue)} (20 weeks from the day we received the request).");
        text.AppendLine();
        text.AppendLine("These are the time limits the law sets. If an exception applies, for example a school being closed for 4 weeks or more, we will tell you why and what it means for the dates.");
        text.AppendLine();
        if (contact.PortalBaseUrl is { } portal)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Follow the request online: {new Uri(portal, "/cases/" + reference)}");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Your caseworker will be named on the case once one is assigned. Until then, contact the SEND team at {contact.SendTeamEmail}, quoting {reference}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{contact.CouncilName} SEND team");
        return text.ToString();
    }
}
