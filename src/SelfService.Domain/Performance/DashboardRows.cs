using SelfService.Domain.Assessments;

namespace SelfService.Domain.Performance;

/// <summary>How many open cases sit at one stage.</summary>
public sealed record OpenStageCount(CaseStage Stage, int Open)
{
    public static IReadOnlyList<CaseStage> OpenStages { get; } = Enum.GetValues<CaseStage>().Where(s => !s.IsClosed()).ToList();

    /// <summary>One row for every open stage, in process order, zero where none are.</summary>
    public static IReadOnlyList<OpenStageCount> Count(IEnumerable<(CaseStage Stage, int Count)> counts)
    {
        var byStage = counts.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return OpenStages.Select(s => new OpenStageCount(s, byStage.GetValueOrDefault(s))).ToList();
    }
}

/// <summary>The median and 90th percentile of one stage's length, for stages that ended in the period.</summary>
public sealed record StageDuration(TimedStage Stage, DurationSummary Days);
