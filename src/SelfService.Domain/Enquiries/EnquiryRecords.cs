namespace SelfService.Domain.Enquiries;

/// <summary>A note staff keep on an enquiry; never shown to the member.</summary>
public sealed class EnquiryNote
{
    public EnquiryNote(Guid id, Guid enquiryId, DateTime atUtc, string author, string text)
    {
        Id = id;
        EnquiryId = enquiryId;
        AtUtc = atUtc;
        Author = author;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid EnquiryId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The staff member's name as it was when they wrote it.</summary>
    public string Author { get; private set; }

    public string Text { get; private set; }
}

/// <summary>The council's reply to the member: emailed to them and shown in the portal.</summary>
public sealed class EnquiryReply
{
    public EnquiryReply(Guid id, Guid enquiryId, DateTime sentAtUtc, string sentBy, string text)
    {
        Id = id;
        EnquiryId = enquiryId;
        SentAtUtc = sentAtUtc;
        SentBy = sentBy;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid EnquiryId { get; private set; }

    public DateTime SentAtUtc { get; private set; }

    public string SentBy { get; private set; }

    public string Text { get; private set; }
}

public enum EnquiryHistoryKind
{
    Logged,
    Assigned,
    Matched,
    Answered,
    Closed,
    Escalated,
}

/// <summary>One step in an enquiry's handling: who assigned it to whom, who matched it to which case.</summary>
public sealed class EnquiryHistoryEntry
{
    public EnquiryHistoryEntry(Guid id, Guid enquiryId, DateTime atUtc, string actor, EnquiryHistoryKind kind, string detail)
    {
        Id = id;
        EnquiryId = enquiryId;
        AtUtc = atUtc;
        Actor = actor;
        Kind = kind;
        Detail = detail;
    }

    public Guid Id { get; private set; }

    public Guid EnquiryId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string Actor { get; private set; }

    public EnquiryHistoryKind Kind { get; private set; }

    public string Detail { get; private set; }
}
