using SelfService.Domain.Assessments;

namespace SelfService.Domain.Performance;

/// <summary>The stretches of the 20-week process the dashboard times.</summary>
public enum TimedStage
{
    /// <summary>From the request to the decision whether to assess (due in 6 weeks).</summary>
    DecidingWhetherToAssess,

    /// <summary>From the decision to assess to the (latest) draft plan.</summary>
    AssessingAndDrafting,

    /// <summary>From the (latest) draft plan to the final plan.</summary>
    DraftToFinalPlan,
}

/// <summary>One finished stretch of a case: which, when it ended and how many days it took.</summary>
public sealed record StageTime(TimedStage Stage, DateOnly EndedOn, int Days);

/// <summary>
/// Time in each stage, counted for stages that ended in the period. Only finished stages are
/// timed: an open one has no length yet (the backlog shows how late open cases are).
/// </summary>
public static class StageTimes
{
    public static string Describe(TimedStage stage) => stage switch
    {
        TimedStage.DecidingWhetherToAssess => "Request to decision to assess",
        TimedStage.AssessingAndDrafting => "Decision to assess to draft plan",
        TimedStage.DraftToFinalPlan => "Draft plan to final plan",
        _ => stage.ToString(),
    };

    public static IEnumerable<StageTime> For(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var request = events.OfType<RequestReceived>().First();
        var decision = events.OfType<DecisionToAssess>().FirstOrDefault();
        var draft = events.OfType<DraftPlanServed>().LastOrDefault();
        var final = events.OfType<FinalPlanIssued>().FirstOrDefault();
        if (decision is not null)
        {
            yield return Between(TimedStage.DecidingWhetherToAssess, request.OccurredOn, decision.OccurredOn);
        }

        if (decision is { Agreed: true } && draft is not null)
        {
            yield return Between(TimedStage.AssessingAndDrafting, decision.OccurredOn, draft.OccurredOn);
        }

        if (draft is not null && final is not null)
        {
            yield return Between(TimedStage.DraftToFinalPlan, draft.OccurredOn, final.OccurredOn);
        }
    }

    private static StageTime Between(TimedStage stage, DateOnly from, DateOnly to) => new(stage, to, to.DayNumber - from.DayNumber);
}
