using SelfService.Domain.Common;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Plans;

public enum PhaseTransferKind
{
    /// <summary>Between school phases (early years → school, infant → junior, primary → secondary …): by 15 February.</summary>
    School,

    /// <summary>Secondary school → post-16 institution: by 31 March.</summary>
    PostSixteen,
}

public enum ReviewDecision
{
    Maintain,
    Amend,
    Cease,
}

/// <summary>A phase transfer the plan must be reviewed and amended for (SEND Regs 18).</summary>
public sealed record PhaseTransfer(PhaseTransferKind Kind, int TransferYear);

/// <summary>An EHC plan in place, with its annual reviews.</summary>
public sealed class EhcPlan
{
    private readonly List<AnnualReview> _reviews = [];

    public EhcPlan(Guid id, string reference, Guid childId, Guid? assessmentCaseId, DateOnly issuedOn, Guid? namedSchoolId)
    {
        Id = id;
        Reference = reference;
        ChildId = childId;
        AssessmentCaseId = assessmentCaseId;
        IssuedOn = issuedOn;
        NamedSchoolId = namedSchoolId;
    }

    public Guid Id { get; private set; }

    public string Reference { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid? AssessmentCaseId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public Guid? NamedSchoolId { get; private set; }

    public Guid? CaseworkerId { get; private set; }

    public PhaseTransfer? PhaseTransfer { get; private set; }

    public DateOnly? CeasedOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AnnualReview> Reviews => _reviews;

    public AnnualReview? CurrentReview => _reviews.LastOrDefault(r => !r.IsComplete);

    /// <summary>The last review meeting held, which restarts the 12-month review period (CFA s44(1)).</summary>
    public DateOnly? LastReviewMeetingOn => _reviews.Where(r => r.MeetingHeldOn is not null).Select(r => r.MeetingHeldOn).Max();

    /// <summary>
    /// The last day the next review meeting not yet held may take place: 12 months starting with
    /// the last review meeting, or with the date the plan was issued (CFA s44(1)). Null once the
    /// plan has ceased, as nothing is left to review.
    /// </summary>
    public DateOnly? NextReviewDueOn() =>
        CeasedOn is null ? AnnualReviewClock.ReviewDueBy(LastReviewMeetingOn ?? IssuedOn) : null;

    /// <summary>
    /// The facts for the review in progress; with none in progress, for the next review, whose
    /// period starts with the last meeting held.
    /// </summary>
    public AnnualReviewTimelineInput ToTimelineInput()
    {
        var current = CurrentReview;
        var previousMeeting = _reviews
            .Where(r => r != current && r.MeetingHeldOn is not null)
            .Select(r => r.MeetingHeldOn)
            .Max();
        return new AnnualReviewTimelineInput(
            IssuedOn,
            previousMeeting,
            current?.MeetingHeldOn,
            current?.Decision,
            current?.DecisionNotifiedOn,
            current?.AmendmentsProposedOn,
            current?.FinalAmendedPlanIssuedOn,
            PhaseTransfer);
    }

    public void AssignCaseworker(Guid? caseworkerId)
    {
        CaseworkerId = caseworkerId;
        Version++;
    }

    public void PlanPhaseTransfer(PhaseTransfer? transfer)
    {
        PhaseTransfer = transfer;
        Version++;
    }

    public AnnualReview StartReview(Guid reviewId, DateOnly dueBy)
    {
        RequireInForce();
        if (CurrentReview is not null)
        {
            throw new DomainException("review.inProgress", "Finish the current annual review before starting another.");
        }

        var review = new AnnualReview(reviewId, Id, dueBy);
        _reviews.Add(review);
        Version++;
        return review;
    }

    public void Cease(DateOnly ceasedOn)
    {
        RequireInForce();
        if (ceasedOn < IssuedOn)
        {
            throw new DomainException("plan.outOfOrder", "A plan cannot cease before it was issued.");
        }

        CeasedOn = ceasedOn;
        Version++;
    }

    /// <summary>Changes to a review go through the plan so the plan's version guards them.</summary>
    public void Change(Guid reviewId, Action<AnnualReview> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        RequireInForce();
        var review = _reviews.FirstOrDefault(r => r.Id == reviewId)
            ?? throw new DomainException("review.unknown", "There is no such review for this plan.");
        change(review);
        Version++;
    }

    private void RequireInForce()
    {
        if (CeasedOn is not null)
        {
            throw new DomainException("plan.ceased", $"Plan {Reference} ceased on {CeasedOn:yyyy-MM-dd}.");
        }
    }
}
