using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace SelfService.Web.Email;

internal static class MailMessages
{
    public static MailMessage Create(OutgoingEmail email, string from)
    {
        var message = new MailMessage(new MailAddress(from), new MailAddress(email.To))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };

        // The same id every time this outbox row is sent, so if a send is ever repeated (a worker
        // dying between "accepted" and "marked sent") mail systems can recognise the duplicate.
        message.Headers.Add("Message-ID", $"<{email.Id:N}@selfservice.outbox>");
        return message;
    }
}
