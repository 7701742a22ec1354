using System.Text.Json;

namespace SelfService.Data.Storage;

/// <summary>
/// The contract for a message the bot sends on its own initiative (a case update): an
/// <see cref="OutboxMessage"/> whose kind starts with <c>chat.</c>, addressed to a portal account by
/// its normalised email in <see cref="OutboxMessage.Recipient"/>. Written in the same transaction as
/// the change it announces, like an email, so the chat hears of a change if and only if it was stored.
/// </summary>
public static class OutboxChat
{
    public const string KindPrefix = "chat.";

    /// <param name="kind">What the message is about, e.g. <c>caseUpdate</c>; becomes <c>chat.caseUpdate</c>.</param>
    /// <param name="to">The recipient's address, normalised (<see cref="Accounts.AccountEmail.Normalise"/>).</param>
    /// <param name="text">Plain text, in the family's terms.</param>
    /// <param name="caseReference">The case it is about, so the chat can offer a link and a status card.</param>
    /// <param name="link">A path in the portal (e.g. <c>/cases/EHC-2026-000042</c>), or null.</param>
    public static OutboxMessage Create(DateTime createdAtUtc, string kind, string to, string text, string? caseReference, string? link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var payload = JsonSerializer.Serialize(new ChatUpdate(text, caseReference, link));
        return OutboxMessage.Create(createdAtUtc, KindPrefix + kind, payload, to);
    }

    public static bool IsChat(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind.StartsWith(KindPrefix, StringComparison.Ordinal);
    }

    public static ChatUpdate Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Deserialize<ChatUpdate>(message.PayloadJson)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no chat body.");
    }
}

/// <summary>What a proactive chat message says and which case it concerns.</summary>
public sealed record ChatUpdate(string Text, string? CaseReference, string? Link);
