namespace SelfService.Web.Email;

/// <summary>
/// Outside Development with no SMTP host: refuse every send, so messages stay in the outbox (with
/// the reason logged and stored) until an operator configures <c>Email:Smtp:Host</c>.
/// </summary>
public sealed class UnconfiguredEmailSender : IEmailSender
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No SMTP server is configured: set Email:Smtp:Host.");
}
