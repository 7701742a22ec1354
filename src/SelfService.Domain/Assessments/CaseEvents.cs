namespace SelfService.Domain.Assessments;

/// <summary>
/// One recorded fact in an EHC needs assessment case. The case's stage and every statutory
/// deadline are derived from its events, so the events are the record of truth.
/// </summary>
public abstract class CaseEvent
{
    protected CaseEvent(Guid id, DateOnly occurredOn)
    {
        Id = id;
        OccurredOn = occurredOn;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; internal set; }

    /// <summary>Position in the case's history, from 1, in the order recorded.</summary>
    public int Sequence { get; internal set; }

    /// <summary>The legal date the thing happened (a UK local date, not an instant).</summary>
    public DateOnly OccurredOn { get; private set; }

    public DateTime RecordedAtUtc { get; internal set; }

    public string RecordedBy { get; internal set; } = "";
}

public sealed class RequestReceived : CaseEvent
{
    public RequestReceived(Guid id, DateOnly occurredOn, Requester requester, Guid? requestingSchoolId, DateOnly? parentalConsentGivenOn, RequestRoute route = RequestRoute.Portal)
        : base(id, occurredOn)
    {
        Requester = requester;
        Route = route;
        RequestingSchoolId = requestingSchoolId;
        ParentalConsentGivenOn = parentalConsentGivenOn;
    }

    public Requester Requester { get; private set; }

    public Guid? RequestingSchoolId { get; private set; }

    public DateOnly? ParentalConsentGivenOn { get; private set; }

    public RequestRoute Route { get; private set; }
}

public sealed class DecisionToAssess : CaseEvent
{
    public DecisionToAssess(Guid id, DateOnly occurredOn, bool agreed, string? reason) : base(id, occurredOn)
    {
        Agreed = agreed;
        Reason = reason;
    }

    public bool Agreed { get; private set; }

    public string? Reason { get; private set; }
}

public sealed class AdviceRequested : CaseEvent
{
    /// <summary>Advisers must respond within 6 weeks of being asked (SEND Regs 8(1)).</summary>
    public const int DaysToRespond = 42;

    public AdviceRequested(Guid id, DateOnly occurredOn, AdviserKind adviser, string adviserName) : base(id, occurredOn)
    {
        Adviser = adviser;
        AdviserName = adviserName;
    }

    public AdviserKind Adviser { get; private set; }

    public string AdviserName { get; private set; }

    public DateOnly DueOn => OccurredOn.AddDays(DaysToRespond);
}

public sealed class AdviceReceived : CaseEvent
{
    public AdviceReceived(Guid id, DateOnly occurredOn, Guid adviceRequestId) : base(id, occurredOn) =>
        AdviceRequestId = adviceRequestId;

    public Guid AdviceRequestId { get; private set; }
}

public sealed class ExceptionApplied : CaseEvent
{
    public ExceptionApplied(Guid id, DateOnly occurredOn, ExceptionKind kind, DateOnly? expectedEnd, string reason)
        : base(id, occurredOn)
    {
        Kind = kind;
        ExpectedEnd = expectedEnd;
        Reason = reason;
    }

    public ExceptionKind Kind { get; private set; }

    /// <summary>The known end when recorded (a school's reopening); an <see cref="ExceptionEnded"/> overrides it.</summary>
    public DateOnly? ExpectedEnd { get; private set; }

    public string Reason { get; private set; }
}

public sealed class ExceptionEnded : CaseEvent
{
    public ExceptionEnded(Guid id, DateOnly occurredOn, Guid exceptionId) : base(id, occurredOn) => ExceptionId = exceptionId;

    public Guid ExceptionId { get; private set; }
}

public sealed class DecisionToIssue : CaseEvent
{
    public DecisionToIssue(Guid id, DateOnly occurredOn, bool issue, string? reason) : base(id, occurredOn)
    {
        Issue = issue;
        Reason = reason;
    }

    public bool Issue { get; private set; }

    public string? Reason { get; private set; }
}

public sealed class DraftPlanServed : CaseEvent
{
    public DraftPlanServed(Guid id, DateOnly occurredOn) : base(id, occurredOn) { }
}

/// <summary>The family's response to the draft: comments, a meeting, a setting they want named.</summary>
public sealed class RepresentationsReceived : CaseEvent
{
    public RepresentationsReceived(Guid id, DateOnly occurredOn, bool meetingRequested, Guid? requestedSchoolId, string? summary)
        : base(id, occurredOn)
    {
        MeetingRequested = meetingRequested;
        RequestedSchoolId = requestedSchoolId;
        Summary = summary;
    }

    public bool MeetingRequested { get; private set; }

    public Guid? RequestedSchoolId { get; private set; }

    public string? Summary { get; private set; }
}

public sealed class FinalPlanIssued : CaseEvent
{
    public FinalPlanIssued(Guid id, DateOnly occurredOn, Guid? namedSchoolId) : base(id, occurredOn) => NamedSchoolId = namedSchoolId;

    public Guid? NamedSchoolId { get; private set; }
}

public sealed class RequestWithdrawn : CaseEvent
{
    public RequestWithdrawn(Guid id, DateOnly occurredOn, string reason) : base(id, occurredOn) => Reason = reason;

    public string Reason { get; private set; }
}
