using System.Security.Cryptography;
using SelfService.Data.Storage;

namespace SelfService.Data.Conversations;

/// <summary>What a chat user asked a person for, ready to store and send.</summary>
/// <param name="CaseReference">Shown in the email when the user asked about a case they may see.</param>
public sealed record HandoffRequest(
    Guid AccountId,
    string AccountEmail,
    string ChannelId,
    Guid? CaseId,
    string? CaseReference,
    string Recipient,
    string Transcript);

/// <summary>Stores a "talk to a person" message and queues its email to the caseworker, in one transaction.</summary>
public sealed class ChatHandoffs(CaseStoreDbContext db, TimeProvider time)
{
    public const string EmailKind = "chatHandoff";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<ChatHandoff> CreateAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        var handoff = new ChatHandoff(Guid.NewGuid(), NewReference(), request.AccountId, request.CaseId, request.ChannelId, request.Recipient, request.Transcript, now);
        var about = request.CaseReference is null ? "" : $" about {request.CaseReference}";
        var body =
            $"{request.AccountEmail} asked in the chat to talk to a person{about}.\n" +
            $"Chat message reference: {handoff.Reference}\n\n" +
            "Please reply to them by email. The conversation so far (what they typed is shown as typed):\n\n" +
            handoff.Transcript;
        db.Set<ChatHandoff>().Add(handoff);
        db.OutboxMessages.Add(OutboxEmail.Create(now, EmailKind, request.Recipient, $"Chat message {handoff.Reference}{about}", body));
        await db.SaveChangesAsync(cancellationToken);
        return handoff;
    }

    private static string NewReference() =>
        "MSG-" + new string(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
}
