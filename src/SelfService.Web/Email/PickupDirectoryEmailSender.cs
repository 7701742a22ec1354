using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Email;

/// <summary>
/// Development without a mail server: each message becomes an <c>.eml</c> file (openable in any
/// mail client) in the pickup folder, and its path is logged.
/// </summary>
public sealed partial class PickupDirectoryEmailSender(
    IOptions<EmailOptions> options, EmailPickupFolder folder, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);

        // SmtpClient names pickup files itself, so write into a private folder first and move the
        // finished file into place: readers never see half a message, and the name is predictable.
        var staging = Path.Combine(folder.Path, ".staging", email.Id.ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            using (var message = MailMessages.Create(email, options.Value.From))
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = Directory.GetFiles(staging).Single();
            var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfffffff}-{email.Id:N}.eml");
            var target = Path.Combine(folder.Path, name);
            File.Move(written, target, overwrite: true);
            LogWritten(logger, email.Id, target);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {MessageId} written to {Path}")]
    private static partial void LogWritten(ILogger logger, Guid messageId, string path);
}

/// <summary>The resolved pickup folder, when email is written to files instead of sent.</summary>
public sealed record EmailPickupFolder(string Path);
