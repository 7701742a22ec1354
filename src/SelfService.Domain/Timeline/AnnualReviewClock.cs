using SelfService.Domain.Plans;

namespace SelfService.Domain.Timeline;

/// <summary>The annual review clock for a plan in place (CFA s44, SEND Regs 18-22).</summary>
public static class AnnualReviewClock
{
    /// <summary>SEND Regs 20(10): the decision to maintain, amend or cease within 4 weeks of the meeting.</summary>
    public const int DecisionDays = 28;

    /// <summary>SEND Regs 22(2): at least 15 days beginning with the day the proposals were sent; last day = sent + 14.</summary>
    public const int AmendmentResponseDays = 14;

    /// <summary>SEND Regs 22(3): the final amended plan within 8 weeks of sending the proposals.</summary>
    public const int FinalAmendedPlanFromProposalsDays = 56;

    /// <summary>R(L) v Devon CC [2022] EWHC 493: at most 12 weeks from the review meeting to the final amended plan.</summary>
    public const int FinalAmendedPlanFromMeetingDays = 84;

    /// <summary>
    /// The last day of the "period of 12 months starting with" the anchor (CFA s44(1)). The anchor
    /// is day 1, so the period ends the day before the anniversary; a 29 February anchor has its
    /// anniversary on 1 March in a common year, so its period ends on 28 February.
    /// </summary>
    public static DateOnly ReviewDueBy(DateOnly anchor)
    {
        var nextYear = anchor.Year + 1;
        var anniversary = anchor is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(nextYear)
            ? new DateOnly(nextYear, 3, 1)
            : anchor.AddYears(1);
        return anniversary.AddDays(-1);
    }

    /// <summary>
    /// SEND Regs 18: amended to name the new setting by 15 February of the year of a move between
    /// school phases, by 31 March for a move from secondary school to a post-16 institution.
    /// </summary>
    public static DateOnly PhaseTransferDueBy(PhaseTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return transfer.Kind switch
        {
            PhaseTransferKind.PostSixteen => new DateOnly(transfer.TransferYear, 3, 31),
            _ => new DateOnly(transfer.TransferYear, 2, 15),
        };
    }

    public static AnnualReviewTimeline Calculate(AnnualReviewTimelineInput input, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        var milestones = new List<Milestone>
        {
            MilestoneRules.Evaluate(
                MilestoneKeys.NextReviewDue,
                ReviewDueBy(input.LastReviewMeeting ?? input.PlanIssued),
                input.ReviewMeeting,
                asOf),
        };

        if (input.ReviewMeeting is { } meeting)
        {
            milestones.Add(MilestoneRules.Evaluate(MilestoneKeys.DecisionDue, meeting.AddDays(DecisionDays), input.DecisionNotified, asOf));
        }

        if (input.AmendmentsProposed is { } proposed)
        {
            var lastDay = proposed.AddDays(AmendmentResponseDays);
            var closed = MilestoneRules.WindowClosedOn(lastDay, asOf, overtaken: input.FinalAmendedPlan is not null);
            milestones.Add(MilestoneRules.Evaluate(MilestoneKeys.AmendmentResponseDeadline, lastDay, closed, asOf));
        }

        if (FinalAmendedPlanDueBy(input) is { } finalDue)
        {
            milestones.Add(MilestoneRules.Evaluate(MilestoneKeys.FinalAmendedPlanDue, finalDue, input.FinalAmendedPlan, asOf));
        }

        if (input.PhaseTransfer is { } transfer)
        {
            milestones.Add(MilestoneRules.Evaluate(MilestoneKeys.PhaseTransferDeadline, PhaseTransferDueBy(transfer), input.FinalAmendedPlan, asOf));
        }

        return new AnnualReviewTimeline(milestones, NextStepWriter.ForAnnualReview(input, milestones));
    }

    /// <summary>
    /// Once the proposals are out the 8 weeks of Regs 22(3) run from them; until then the Devon
    /// reading caps the whole amendment at 12 weeks from the meeting.
    /// </summary>
    private static DateOnly? FinalAmendedPlanDueBy(AnnualReviewTimelineInput input) => input switch
    {
        { AmendmentsProposed: { } proposed } => proposed.AddDays(FinalAmendedPlanFromProposalsDays),
        { Decision: ReviewDecision.Amend, ReviewMeeting: { } meeting } => meeting.AddDays(FinalAmendedPlanFromMeetingDays),
        _ => null,
    };
}
