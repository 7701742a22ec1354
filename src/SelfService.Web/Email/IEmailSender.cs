namespace SelfService.Web.Email;

/// <summary>One plain-text email taken from the outbox; <see cref="Id"/> is the outbox message's id.</summary>
public sealed record OutgoingEmail(Guid Id, string To, string Subject, string TextBody);

/// <summary>Hands one email to the mail system; throws if it was not accepted.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
