using System.Globalization;
using SelfService.Domain.Calendar;
using SelfService.Domain.Plans;

namespace SelfService.Domain.Timeline;

/// <summary>
/// The "what happens next" sentence families read. All the wording lives here so it can be
/// reviewed in one place; every sentence names the date that matters.
/// </summary>
internal static class NextStepWriter
{

    private const string AppealRights =
        "You can appeal to the SEND Tribunal. Before you appeal you must contact a mediation adviser about mediation " +
        "(you do not have to take part); you can appeal within 2 months of the decision letter, or 1 month of the mediation certificate if that is later.";

    public static string ForAssessment(CaseFacts facts, IReadOnlyList<TrackedMilestone> milestones, DateOnly asOf)
    {
        if (facts.Withdrawal is { } withdrawal)
        {
            return $"The request for an EHC needs assessment was withdrawn on {Long(withdrawal.OccurredOn)}. " +
                "Nothing more will happen on it; a new request can be made at any time.";
        }

        if (facts.DecisionToAssess is { Agreed: false } refusal)
        {
            return $"The council decided on {Long(refusal.OccurredOn)} not to carry out an EHC needs assessment. {AppealRights}";
        }

        if (facts.DecisionToIssue is { Issue: false } notIssued)
        {
            return $"The council decided on {Long(notIssued.OccurredOn)} not to issue an EHC plan. {AppealRights}";
        }

        var finalDue = facts.Day0.AddDays(StatutoryClock.FinalPlanDays);
        if (facts.FinalPlan is { } plan)
        {
            var timeliness = plan.OccurredOn <= finalDue
                ? "within the 20-week time limit"
                : $"{Days(plan.OccurredOn.DayNumber - finalDue.DayNumber)} after the 20-week time limit ({Long(finalDue)})";
            return $"The final EHC plan was issued on {Long(plan.OccurredOn)}, {timeliness}. " +
                $"The first annual review meeting must be held by {Long(AnnualReviewClock.ReviewDueBy(plan.OccurredOn))}. " +
                "If you disagree with the plan or the school or setting named in it, you can appeal to the SEND Tribunal; mediation is also available.";
        }

        if (facts.DecisionToAssess is null)
        {
            return Duty(
                Get(milestones, MilestoneKeys.DecisionToAssess),
                "must decide whether to carry out an assessment by",
                "should have decided whether to carry out an assessment by",
                "must decide as soon as possible");
        }

        var finalPlan = Get(milestones, MilestoneKeys.FinalPlan);
        var finalPlanDuty = Duty(
            finalPlan,
            "must issue the final EHC plan by",
            "should have issued the final EHC plan by",
            "must issue it as soon as possible");

        if (Find(milestones, MilestoneKeys.DraftResponseDeadline) is { } window)
        {
            return window.Milestone.Completed is null
                ? $"You have until {Long(window.Milestone.Due)} to comment on the draft plan, ask for a meeting and say which school or setting you want named. {finalPlanDuty}"
                : finalPlanDuty;
        }

        if (facts.DecisionToIssue is { Issue: true })
        {
            return $"The council has decided to issue an EHC plan and will send you a draft to comment on. {finalPlanDuty}";
        }

        var decision = Duty(
            Get(milestones, MilestoneKeys.DecisionToIssue),
            "must decide whether to issue an EHC plan by",
            "should have decided whether to issue an EHC plan by",
            "must decide as soon as possible");
        var awaited = milestones
            .Where(m => m.Milestone.Key == MilestoneKeys.Advice && m.Milestone.Completed is null)
            .Select(m => m.Milestone.Subject ?? "an adviser")
            .ToList();
        return awaited.Count == 0
            ? decision
            : $"The assessment is under way and the council is waiting for advice from {Join(awaited)}. {decision}";
    }

    public static string ForAnnualReview(AnnualReviewTimelineInput input, IReadOnlyList<Milestone> milestones)
    {
        var transfer = milestones.FirstOrDefault(m => m.Key == MilestoneKeys.PhaseTransferDeadline) is { Completed: null } phase
            ? $" Because of the move to a new {(input.PhaseTransfer!.Kind == PhaseTransferKind.PostSixteen ? "school, college or setting after 16" : "school phase")}, " +
              $"the plan must be amended to name the new school or setting by {Long(phase.Due)}."
            : "";

        if (input.ReviewMeeting is not { } meeting)
        {
            return DutySentence(
                Get(milestones, MilestoneKeys.NextReviewDue),
                "must hold the next annual review meeting by",
                "should have held the annual review meeting by",
                "must hold it as soon as possible") + transfer;
        }

        var nextReview = $"The next annual review meeting must be held by {Long(AnnualReviewClock.ReviewDueBy(meeting))}.";
        var amending = input.Decision == ReviewDecision.Amend || input.AmendmentsProposed is not null;
        if (!amending)
        {
            return input switch
            {
                { Decision: ReviewDecision.Maintain, DecisionNotified: { } on } =>
                    $"The council decided on {Long(on)} to keep the plan as it is. {nextReview}",
                { Decision: ReviewDecision.Cease, DecisionNotified: { } on } =>
                    $"The council decided on {Long(on)} to stop maintaining the plan. {AppealRights}",
                _ => DutySentence(
                    Get(milestones, MilestoneKeys.DecisionDue),
                    "must tell you by",
                    "should have told you by",
                    "must tell you as soon as possible",
                    " whether it will keep the plan as it is, change it or stop maintaining it") + transfer,
            };
        }

        if (input.FinalAmendedPlan is { } issued)
        {
            return $"The final amended plan was issued on {Long(issued)}. " +
                "If you disagree with it or the school or setting named in it, you can appeal to the SEND Tribunal; mediation is also available. " +
                nextReview;
        }

        var finalDuty = DutySentence(
            Get(milestones, MilestoneKeys.FinalAmendedPlanDue),
            "must issue the final amended plan by",
            "should have issued the final amended plan by",
            "must issue it as soon as possible");
        if (milestones.FirstOrDefault(m => m.Key == MilestoneKeys.AmendmentResponseDeadline) is { Completed: null } window)
        {
            return $"You have until {Long(window.Due)} to comment on the proposed changes to the plan, ask for a meeting and say which school or setting you want named. {finalDuty}{transfer}";
        }

        return input.AmendmentsProposed is null
            ? $"The council has decided to amend the plan and must send you the proposed changes. {finalDuty}{transfer}"
            : finalDuty + transfer;
    }

    private static string Duty(TrackedMilestone tracked, string mustBy, string shouldHaveBy, string asSoonAsPossible)
    {
        var text = DutySentence(tracked.Milestone, mustBy, shouldHaveBy, asSoonAsPossible);
        if (tracked.Exceptions.Count == 0)
        {
            return text;
        }

        var reasons = string.Join("; ", tracked.Exceptions.Select(e => e.Reason.Trim().TrimEnd('.')));
        return $"{text} An exception to the time limit has been recorded: {reasons}.";
    }

    private static string DutySentence(Milestone milestone, string mustBy, string shouldHaveBy, string asSoonAsPossible, string what = "") =>
        milestone.Status == MilestoneStatus.Overdue
            ? $"The council {shouldHaveBy} {Long(milestone.Due)}{what}. It is {Days(milestone.DaysOverdue)} late; the council {asSoonAsPossible}."
            : $"The council {mustBy} {Long(milestone.Due)}{what}.";

    private static TrackedMilestone Get(IReadOnlyList<TrackedMilestone> milestones, string key) =>
        Find(milestones, key) ?? throw new InvalidOperationException($"The {key} milestone should apply here.");

    private static TrackedMilestone? Find(IReadOnlyList<TrackedMilestone> milestones, string key) =>
        milestones.FirstOrDefault(m => m.Milestone.Key == key);

    private static Milestone Get(IReadOnlyList<Milestone> milestones, string key) =>
        milestones.FirstOrDefault(m => m.Key == key) ?? throw new InvalidOperationException($"The {key} milestone should apply here.");

    private static string Join(List<string> names) => names.Count switch
    {
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    // Kept private until the shared UK date formatting lands; the format must stay "Monday 16 February 2026".
    private static string Long(DateOnly date) => UkDate.Long(date);
}
