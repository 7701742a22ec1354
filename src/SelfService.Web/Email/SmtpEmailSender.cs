using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Email;

/// <summary>Sends through the configured SMTP relay with <see cref="SmtpClient"/>.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var smtp = settings.Smtp;

        // One client per send: SmtpClient allows only one send at a time.
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = MailMessages.Create(email, settings.From);
        await client.SendMailAsync(message, cancellationToken);
    }
}
