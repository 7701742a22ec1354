using SelfService.Domain.Performance;

namespace SelfService.Data.Performance;

/// <summary>Everything the performance dashboard shows, for one period and one as-of date.</summary>
/// <param name="Trend">The 20-week measure for each period of the trend, oldest first, ending with <paramref name="Period"/>.</param>
/// <param name="Backlog">Open assessments and annual reviews by weeks overdue on <paramref name="AsOf"/>.</param>
/// <param name="OpenByStage">Open assessments at each stage on <paramref name="AsOf"/>.</param>
/// <param name="StageTimes">Length of the stages that ended in <paramref name="Period"/>.</param>
/// <param name="Advice">Advice due in <paramref name="Period"/>, by adviser type, judged on <paramref name="AsOf"/>.</param>
public sealed record DashboardFigures(
    ReportingPeriod Period,
    DateOnly AsOf,
    IReadOnlyList<TwentyWeekFigures> Trend,
    IReadOnlyList<BacklogBand> Backlog,
    IReadOnlyList<OpenStageCount> OpenByStage,
    IReadOnlyList<StageDuration> StageTimes,
    IReadOnlyList<AdviceFigures> Advice);
