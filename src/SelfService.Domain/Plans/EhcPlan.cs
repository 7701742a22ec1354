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

    /// <summary>The longest summary of proposed amendments kept with the review.</summary>
    public const int MaxSummaryLength = 2000;

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

    /// <summary>
    /// The review whose last step decided to cease the plan, while the plan is still in force:
    /// nothing more is reviewed until the plan is ceased (or the decision is overturned elsewhere).
    /// </summary>
    public bool IsAwaitingCessation =>
        CeasedOn is null && _reviews.Count > 0 && _reviews[^1] is { IsComplete: true, Decision: ReviewDecision.Cease };

    /// <summary>
    /// Arranges the meeting of the review in progress, starting the review if none is under way.
    /// The meeting may be in the future, but not before the plan or the last review meeting.
    /// </summary>
    public AnnualReview ScheduleReviewMeeting(Guid newReviewId, DateOnly meetingOn)
    {
        var review = CurrentOrNewReview(newReviewId);
        RequireAfterPreviousMeeting(meetingOn, review);
        Change(review.Id, r => r.ScheduleMeeting(meetingOn));
        return review;
    }

    /// <summary>Records the review meeting held; starts the review first if it was never arranged here.</summary>
    public AnnualReview RecordReviewMeeting(Guid newReviewId, DateOnly heldOn, DateOnly today)
    {
        RequireHappened(heldOn, today);
        var review = CurrentOrNewReview(newReviewId);
        RequireAfterPreviousMeeting(heldOn, review);
        Change(review.Id, r => r.RecordMeeting(heldOn));
        return review;
    }

    /// <summary>
    /// Records the decision after the meeting. Keeping the plan as it is ends the review, so the
    /// next one starts at once, due 12 months from this meeting (CFA s44(1)).
    /// </summary>
    public AnnualReview RecordReviewDecision(ReviewDecision decision, DateOnly notifiedOn, DateOnly today, Guid nextReviewId)
    {
        RequireHappened(notifiedOn, today);
        var review = RequireCurrentReview();
        Change(review.Id, r => r.RecordDecision(decision, notifiedOn));
        if (decision == ReviewDecision.Maintain)
        {
            StartReview(nextReviewId, AnnualReviewClock.ReviewDueBy(review.MeetingHeldOn!.Value));
        }

        return review;
    }

    public AnnualReview ProposeReviewAmendments(DateOnly sentOn, string summary, DateOnly today)
    {
        RequireHappened(sentOn, today);
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainException("review.noSummary", "Summarise the proposed amendments.");
        }

        if (summary.Trim().Length > MaxSummaryLength)
        {
            throw new DomainException("review.summaryTooLong", $"Keep the summary of the proposed amendments to {MaxSummaryLength} characters; send the detail with the proposals.");
        }

        var review = RequireCurrentReview();
        Change(review.Id, r => r.ProposeAmendments(sentOn, summary.Trim()));
        return review;
    }

    /// <summary>Issues the final amended plan, which ends the review; the next is due 12 months from its meeting.</summary>
    public AnnualReview IssueFinalAmendedPlan(DateOnly issuedOn, DateOnly today, Guid nextReviewId)
    {
        RequireHappened(issuedOn, today);
        var review = RequireCurrentReview();
        Change(review.Id, r => r.IssueFinalAmendedPlan(issuedOn));
        StartReview(nextReviewId, AnnualReviewClock.ReviewDueBy(review.MeetingHeldOn!.Value));
        return review;
    }

    /// <summary>Ceases the plan on a day that has happened, no earlier than its issue or its last review meeting.</summary>
    public void Cease(DateOnly ceasedOn, DateOnly today)
    {
        RequireInForce();
        RequireHappened(ceasedOn, today);
        if (LastReviewMeetingOn is { } meeting && ceasedOn < meeting)
        {
            throw new DomainException("plan.outOfOrder", $"The date {ceasedOn:yyyy-MM-dd} is before the last review meeting ({meeting:yyyy-MM-dd}).");
        }

        Cease(ceasedOn);
    }

    /// <summary>Steps are recorded once they have happened: a date after today is a mistake.</summary>
    private static void RequireHappened(DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            throw new DomainException("plan.futureDate", $"The date {on:yyyy-MM-dd} is in the future. Record a step on or after the day it happens.");
        }
    }

    private AnnualReview CurrentOrNewReview(Guid newReviewId)
    {
        RequireInForce();
        if (IsAwaitingCessation)
        {
            throw new DomainException("plan.ceaseDecided", $"It was decided to cease plan {Reference}: cease the plan rather than review it again.");
        }

        return CurrentReview ?? StartReview(newReviewId, NextReviewDueOn()!.Value);
    }

    private AnnualReview RequireCurrentReview()
    {
        RequireInForce();
        return CurrentReview ?? throw new DomainException("review.none", "There is no annual review in progress: record the review meeting first.");
    }

    /// <summary>A review meeting belongs after the plan was issued and after the previous review's meeting.</summary>
    private void RequireAfterPreviousMeeting(DateOnly meetingOn, AnnualReview review)
    {
        if (meetingOn < IssuedOn)
        {
            throw new DomainException("plan.outOfOrder", $"The date {meetingOn:yyyy-MM-dd} is before the plan was issued ({IssuedOn:yyyy-MM-dd}).");
        }

        var previous = _reviews.Where(r => r != review && r.MeetingHeldOn is not null).Select(r => r.MeetingHeldOn).Max();
        if (previous is { } last && meetingOn <= last)
        {
            throw new DomainException("review.outOfOrder", $"The date {meetingOn:yyyy-MM-dd} is not after the previous review meeting ({last:yyyy-MM-dd}).");
        }
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
