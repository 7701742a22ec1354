using System.Text.Json;

namespace SelfService.Data.Storage;

/// <summary>
/// The contract between whoever decides to send an email and the outbox worker that sends it:
/// an <see cref="OutboxMessage"/> whose kind starts with <c>email.</c>, addressed by
/// <see cref="OutboxMessage.Recipient"/> and <see cref="OutboxMessage.Subject"/>, with a plain-text body.
/// </summary>
public static class OutboxEmail
{
    public const string KindPrefix = "email.";

    /// <param name="kind">What the email is about, e.g. <c>requestReceived</c>; becomes <c>email.requestReceived</c>.</param>
    public static OutboxMessage Create(DateTime createdAtUtc, string kind, string to, string subject, string textBody)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(textBody);
        var payload = JsonSerializer.Serialize(new Body(textBody));
        return OutboxMessage.Create(createdAtUtc, KindPrefix + kind, payload, to, subject);
    }

    public static bool IsEmail(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind.StartsWith(KindPrefix, StringComparison.Ordinal);
    }

    public static string TextBody(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Deserialize<Body>(message.PayloadJson)?.Text
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no email body.");
    }

    private sealed record Body(string Text);
}
