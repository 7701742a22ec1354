using System.Globalization;
using System.Text;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;

namespace SelfService.Data.Enquiries;

/// <summary>The emails an enquiry sends: the acknowledgement, the reply, and the overdue escalation.</summary>
public static class EnquiryEmails
{
    public const string AcknowledgementKind = "memberEnquiryReceived";
    public const string ReplyKind = "memberEnquiryReply";
    public const string EscalationKind = "memberEnquiryOverdue";

    public static OutboxMessage Acknowledgement(MemberEnquiry enquiry, string to, string name, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(contact);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {name},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{contact.CouncilName} SEND service has received your enquiry about {enquiry.ChildName}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reference: {enquiry.Reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Received on: {UkDate.Long(enquiry.ReceivedOn)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"A caseworker will pick it up by: {UkDate.Long(enquiry.AcknowledgeBy)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"You will have a full reply by: {UkDate.Long(enquiry.RespondBy)}");
        text.AppendLine();
        text.AppendLine(enquiry.HasConsent
            ? "You recorded the constituent's consent, so the reply can include information about their case."
            : "You did not record the constituent's consent, so the reply can only give general information. Log the consent with a new enquiry if they give it.");
        AppendLink(text, contact, enquiry);
        return OutboxEmail.Create(nowUtc, AcknowledgementKind, to, $"Members' enquiry {enquiry.Reference} received", text.ToString().TrimEnd());
    }

    public static OutboxMessage Reply(MemberEnquiry enquiry, string to, string name, string reply, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(contact);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {name},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"This is the SEND service's reply to your enquiry {enquiry.Reference} about {enquiry.ChildName}.");
        text.AppendLine();
        text.AppendLine(reply);
        AppendLink(text, contact, enquiry);
        return OutboxEmail.Create(nowUtc, ReplyKind, to, $"Reply to members' enquiry {enquiry.Reference}", text.ToString().TrimEnd());
    }

    public static OutboxMessage Escalation(MemberEnquiry enquiry, string memberName, string to, string managerName, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(contact);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {managerName},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The members' enquiry {enquiry.Reference} from {memberName} has not been answered and is overdue.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Received on: {UkDate.Long(enquiry.ReceivedOn)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reply was due by: {UkDate.Long(enquiry.RespondBy)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Status: {EnquiryText.Status(enquiry.Status)}");
        if (contact.PortalBaseUrl is { } portal)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Open it in the members' inbox: {new Uri(portal, $"/staff/enquiries/{enquiry.Reference}")}");
        }

        return OutboxEmail.Create(nowUtc, EscalationKind, to, $"Overdue members' enquiry {enquiry.Reference}", text.ToString().TrimEnd());
    }

    private static void AppendLink(StringBuilder text, RequestContact contact, MemberEnquiry enquiry)
    {
        if (contact.PortalBaseUrl is { } portal)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Follow it online: {new Uri(portal, $"/members/enquiries/{enquiry.Reference}")}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Contact the SEND team: {contact.SendTeamEmail}");
    }
}
