using System.Globalization;
using System.Text;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Complaints;

namespace SelfService.Data.Complaints;

/// <summary>
/// The emails a complainant gets at each step: each says what happens next and by when, so the
/// complainant never has to sign in to know their rights or the dates.
/// </summary>
public static class ComplaintEmails
{
    public const string ReceivedKind = "complaintReceived";
    public const string ExtendedKind = "complaintExtended";
    public const string Stage1ResponseKind = "complaintStage1Response";
    public const string Stage2ReceivedKind = "complaintStage2Received";
    public const string FinalResponseKind = "complaintFinalResponse";

    public static readonly Uri OmbudsmanUrl = new("https://www.lgo.org.uk/make-a-complaint");

    public static OutboxMessage Received(Complaint complaint, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(contact);
        var text = Greeting(complaint);
        text.AppendLine(CultureInfo.InvariantCulture, $"{contact.CouncilName} has received your complaint{About(complaint)}. This is stage 1 of our complaints procedure.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reference: {complaint.Reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Received on: {Complaint.LongDate(complaint.ReceivedOn)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"We will acknowledge it by: {Complaint.LongDate(complaint.Stage1AcknowledgeBy)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"We will respond by: {Complaint.LongDate(complaint.Stage1RespondBy)}");
        text.AppendLine();
        text.AppendLine("If we need longer to look into it properly, we will tell you why and give you a new date before the response is due.");
        return Create(complaint, contact, nowUtc, ReceivedKind, $"Your complaint {complaint.Reference} has been received", text);
    }

    public static OutboxMessage Extended(Complaint complaint, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(contact);
        var text = Greeting(complaint);
        text.AppendLine(CultureInfo.InvariantCulture, $"We need longer to respond to your complaint {complaint.Reference}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Why: {complaint.Stage1ExtensionReason}");
        text.AppendLine(CultureInfo.InvariantCulture, $"We will now respond by: {Complaint.LongDate(complaint.Stage1TargetRespondBy)}");
        return Create(complaint, contact, nowUtc, ExtendedKind, $"Your complaint {complaint.Reference}: new response date", text);
    }

    public static OutboxMessage Stage1Response(Complaint complaint, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(contact);
        var text = Greeting(complaint);
        text.AppendLine(CultureInfo.InvariantCulture, $"This is our stage 1 response to your complaint {complaint.Reference}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Outcome: {ComplaintText.Outcome(complaint.Stage1Outcome!.Value)}");
        if (complaint.Stage1Remedy is { } remedy)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"What we will do to put things right: {remedy}");
        }

        text.AppendLine();
        text.AppendLine(complaint.Stage1Response);
        text.AppendLine();
        text.AppendLine("If you are not satisfied");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"You can ask for your complaint to be looked at again at stage 2 until {Complaint.LongDate(complaint.Stage2WindowClosesOn!.Value)}.");
        text.AppendLine(Link(contact, complaint) is { } link
            ? $"Ask for stage 2 online: {link}"
            : $"Reply to {contact.SendTeamEmail} quoting {complaint.Reference}.");
        return Create(complaint, contact, nowUtc, Stage1ResponseKind, $"Stage 1 response to your complaint {complaint.Reference}", text);
    }

    public static OutboxMessage Stage2Received(Complaint complaint, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(contact);
        var text = Greeting(complaint);
        text.AppendLine(CultureInfo.InvariantCulture, $"We have received your request for stage 2 of your complaint {complaint.Reference}. A senior officer who was not involved at stage 1 will review it.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Stage 2 asked for on: {Complaint.LongDate(complaint.Stage2RequestedOn!.Value)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"We will acknowledge it by: {Complaint.LongDate(complaint.Stage2AcknowledgeBy!.Value)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"We will respond by: {Complaint.LongDate(complaint.Stage2RespondBy!.Value)}");
        return Create(complaint, contact, nowUtc, Stage2ReceivedKind, $"Stage 2 of your complaint {complaint.Reference}", text);
    }

    public static OutboxMessage FinalResponse(Complaint complaint, RequestContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(contact);
        var text = Greeting(complaint);
        text.AppendLine(CultureInfo.InvariantCulture, $"This is our final (stage 2) response to your complaint {complaint.Reference}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Outcome: {ComplaintText.Outcome(complaint.Stage2Outcome!.Value)}");
        if (complaint.Stage2Remedy is { } remedy)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"What we will do to put things right: {remedy}");
        }

        text.AppendLine();
        text.AppendLine(complaint.Stage2Response);
        text.AppendLine();
        text.AppendLine("If you are still not satisfied");
        text.AppendLine();
        text.AppendLine("This ends our complaints procedure. You can ask the Local Government and Social Care Ombudsman (LGSCO) to look at your complaint. It is free and independent. You should normally contact them within 12 months of when you first knew of the problem.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Make a complaint to the Ombudsman: {OmbudsmanUrl}");
        return Create(complaint, contact, nowUtc, FinalResponseKind, $"Final response to your complaint {complaint.Reference}", text);
    }

    private static StringBuilder Greeting(Complaint complaint)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {complaint.ComplainantName},");
        text.AppendLine();
        return text;
    }

    private static string About(Complaint complaint) =>
        (complaint.CaseReference, complaint.ConstituentName) switch
        {
            ({ } reference, _) => $" about case {reference}",
            (null, { } constituent) => $" on behalf of {constituent}",
            _ => " about the SEND service",
        };

    private static Uri? Link(RequestContact contact, Complaint complaint) =>
        contact.PortalBaseUrl is { } portal ? new Uri(portal, "/complaints/" + complaint.Reference) : null;

    private static OutboxMessage Create(Complaint complaint, RequestContact contact, DateTime nowUtc, string kind, string subject, StringBuilder text)
    {
        if (kind != Stage1ResponseKind && Link(contact, complaint) is { } link)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Follow your complaint online: {link}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{contact.CouncilName} SEND team, {contact.SendTeamEmail}");
        return OutboxEmail.Create(nowUtc, kind, complaint.ComplainantEmail, subject, text.ToString());
    }
}
