using SelfService.Domain.Common;

namespace SelfService.Domain.Plans;

/// <summary>One annual review of an EHC plan: meeting, decision, and if amending, proposals and the amended plan.</summary>
public sealed class AnnualReview
{
    internal AnnualReview(Guid id, Guid planId, DateOnly dueBy)
    {
        Id = id;
        PlanId = planId;
        DueBy = dueBy;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The last day the review meeting may be held.</summary>
    public DateOnly DueBy { get; private set; }

    /// <summary>The day the meeting is arranged for; it may be moved until the meeting is held.</summary>
    public DateOnly? MeetingScheduledFor { get; private set; }

    public DateOnly? MeetingHeldOn { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    public DateOnly? DecisionNotifiedOn { get; private set; }

    public DateOnly? AmendmentsProposedOn { get; private set; }

    /// <summary>What the proposed amendments change, as sent to the family.</summary>
    public string? AmendmentsSummary { get; private set; }

    public DateOnly? FinalAmendedPlanIssuedOn { get; private set; }

    public bool IsComplete => Decision switch
    {
        ReviewDecision.Maintain or ReviewDecision.Cease => DecisionNotifiedOn is not null,
        ReviewDecision.Amend => FinalAmendedPlanIssuedOn is not null,
        _ => false,
    };

    public void ScheduleMeeting(DateOnly meetingOn)
    {
        if (MeetingHeldOn is not null)
        {
            throw new DomainException("review.meetingRecorded", "The review meeting has already been held, so it cannot be arranged again.");
        }

        MeetingScheduledFor = meetingOn;
    }

    public void RecordMeeting(DateOnly heldOn)
    {
        if (MeetingHeldOn is not null)
        {
            throw new DomainException("review.meetingRecorded", "The review meeting has already been recorded.");
        }

        MeetingHeldOn = heldOn;
    }

    public void RecordDecision(ReviewDecision decision, DateOnly notifiedOn)
    {
        var meeting = MeetingHeldOn
            ?? throw new DomainException("review.noMeeting", "Record the review meeting before the decision.");
        if (Decision is not null)
        {
            throw new DomainException("review.decided", "The decision for this review has already been recorded.");
        }

        RequireNotBefore(notifiedOn, meeting, "the review meeting");
        Decision = decision;
        DecisionNotifiedOn = notifiedOn;
    }

    public void ProposeAmendments(DateOnly sentOn) => ProposeAmendments(sentOn, null);

    public void ProposeAmendments(DateOnly sentOn, string? summary)
    {
        if (Decision != ReviewDecision.Amend)
        {
            throw new DomainException("review.notAmending", "Amendments can only be proposed after a decision to amend the plan.");
        }

        if (AmendmentsProposedOn is not null)
        {
            throw new DomainException("review.amendmentsProposed", "Amendments have already been proposed for this review.");
        }

        RequireNotBefore(sentOn, MeetingHeldOn!.Value, "the review meeting");
        AmendmentsProposedOn = sentOn;
        AmendmentsSummary = summary;
    }

    public void IssueFinalAmendedPlan(DateOnly issuedOn)
    {
        var proposed = AmendmentsProposedOn
            ?? throw new DomainException("review.noProposals", "A final amended plan needs proposed amendments first.");
        if (FinalAmendedPlanIssuedOn is not null)
        {
            throw new DomainException("review.finalIssued", "The final amended plan has already been issued.");
        }

        RequireNotBefore(issuedOn, proposed, "the amendments were proposed");
        FinalAmendedPlanIssuedOn = issuedOn;
    }

    private static void RequireNotBefore(DateOnly date, DateOnly earliest, string what)
    {
        if (date < earliest)
        {
            throw new DomainException("review.outOfOrder", $"The date {date:yyyy-MM-dd} is before {what} ({earliest:yyyy-MM-dd}).");
        }
    }
}
