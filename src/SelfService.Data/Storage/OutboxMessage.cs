namespace SelfService.Data.Storage;

/// <summary>
/// A notification waiting to be sent. It is written in the same transaction as the change it
/// announces, so a message is sent if and only if the change was stored; a worker sends it later.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

    public OutboxMessage(Guid id, DateTime createdAtUtc, string kind, string payloadJson)
    {
        Id = id;
        CreatedAtUtc = RequireUtc(createdAtUtc, nameof(createdAtUtc));
        Kind = kind;
        PayloadJson = payloadJson;
        NextAttemptAtUtc = CreatedAtUtc;
    }

    public Guid Id { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>What to send, e.g. <c>email.decisionToAssess</c>; the worker picks the sender by it.</summary>
    public string Kind { get; private set; }

    public string? Recipient { get; set; }

    public string? Subject { get; set; }

    public string PayloadJson { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>A worker's claim; another worker may take the message once it has passed.</summary>
    public DateTime? LockedUntilUtc { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public bool IsPending => SentAtUtc is null;

    public static OutboxMessage Create(DateTime createdAtUtc, string kind, string payloadJson, string? recipient = null, string? subject = null) =>
        new(Guid.CreateVersion7(), createdAtUtc, kind, payloadJson) { Recipient = recipient, Subject = subject };

    public void Lock(string worker, DateTime untilUtc)
    {
        LockedBy = worker;
        LockedUntilUtc = RequireUtc(untilUtc, nameof(untilUtc));
    }

    public void MarkSent(DateTime sentAtUtc)
    {
        SentAtUtc = RequireUtc(sentAtUtc, nameof(sentAtUtc));
        Attempts++;
        LockedBy = null;
        LockedUntilUtc = null;
        LastError = null;
    }

    public void MarkFailed(string error, DateTime retryAtUtc)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        NextAttemptAtUtc = RequireUtc(retryAtUtc, nameof(retryAtUtc));
        LockedBy = null;
        LockedUntilUtc = null;
    }

    private static DateTime RequireUtc(DateTime value, string name) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Outbox instants are UTC.", name);
}
