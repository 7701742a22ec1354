using SelfService.Domain.Plans;

namespace SelfService.Domain.Timeline;

/// <summary>The facts of one annual review the clock needs; built by <see cref="EhcPlan.ToTimelineInput"/>.</summary>
/// <param name="PlanIssued">When the plan was first issued: the first review period starts with it.</param>
/// <param name="LastReviewMeeting">The meeting of the previous review, which starts this review period (CFA s44(1)).</param>
/// <param name="ReviewMeeting">This review's meeting, once held.</param>
/// <param name="Decision">Maintain, amend or cease, once decided.</param>
/// <param name="DecisionNotified">When the family was told the decision.</param>
/// <param name="AmendmentsProposed">When the proposed amendments were sent.</param>
/// <param name="FinalAmendedPlan">When the final amended plan was issued.</param>
/// <param name="PhaseTransfer">A coming change of school phase, if any (SEND Regs 18).</param>
public sealed record AnnualReviewTimelineInput(
    DateOnly PlanIssued,
    DateOnly? LastReviewMeeting,
    DateOnly? ReviewMeeting,
    ReviewDecision? Decision,
    DateOnly? DecisionNotified,
    DateOnly? AmendmentsProposed,
    DateOnly? FinalAmendedPlan,
    PhaseTransfer? PhaseTransfer);

/// <summary>Where an annual review stands against the statutory clock on a given date.</summary>
public sealed record AnnualReviewTimeline(IReadOnlyList<Milestone> Milestones, string NextStep)
{
    /// <summary>The milestone with the key, or null when it does not apply.</summary>
    public Milestone? Find(string key) => Milestones.FirstOrDefault(m => m.Key == key);
}
