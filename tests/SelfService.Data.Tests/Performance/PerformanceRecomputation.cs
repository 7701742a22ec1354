using Microsoft.EntityFrameworkCore;
using SelfService.Data.Performance;
using SelfService.Domain.Assessments;
using SelfService.Domain.Performance;

namespace SelfService.Data.Tests.Performance;

/// <summary>
/// Every dashboard figure worked out the slow way: whole cases and plans loaded, each judged by
/// the statutory clocks and the domain definitions, then counted here, with no SQL aggregates.
/// </summary>
public static class PerformanceRecomputation
{
    public static async Task<DashboardFigures> LoadAsync(CaseStoreDbContext db, PeriodKind kind, DateOnly periodDate, DateOnly asOf)
    {
        var cases = await db.AssessmentCases.AsNoTracking().WithEvents().ToListAsync();
        var plans = await db.EhcPlans.AsNoTracking().WithReviews().ToListAsync();
        var trend = ReportingPeriod.Trend(kind, periodDate, ReportingPeriod.TrendLength(kind));
        var period = trend[^1];

        var issued = cases
            .Where(c => c.Events.OfType<FinalPlanIssued>().Any())
            .Select(c =>
            {
                var issuedOn = c.Events.OfType<FinalPlanIssued>().Single().OccurredOn;
                return (issuedOn, c.Timeline(issuedOn).Within20Weeks == true, TwentyWeekMeasure.IsExceptionCase(c.Events) == true, 1);
            });

        var backlog = BacklogBand.Count(
            cases.Select(c => (Backlog.AssessmentDaysOverdue(c, asOf), 1)),
            plans.Select(p => (Backlog.ReviewDaysOverdue(p, asOf), 1)));

        var open = OpenStageCount.Count(cases.Where(c => !c.IsClosed).Select(c => (c.Stage, 1)));

        var stageTimes = cases.SelectMany(c => StageTimes.For(c.Events)).Where(s => period.Contains(s.EndedOn)).ToList();
        var durations = Enum.GetValues<TimedStage>()
            .Select(stage => new StageDuration(stage, DurationSummary.From(stageTimes.Where(s => s.Stage == stage).Select(s => (s.Days, 1)))))
            .ToList();

        var advice = cases.SelectMany(c => c.Events.OfType<AdviceRequested>().Select(asked =>
            {
                var received = c.Events.OfType<AdviceReceived>().FirstOrDefault(r => r.AdviceRequestId == asked.Id)?.OccurredOn;
                return (asked, received);
            }))
            .Where(a => period.Contains(AdviceTimeliness.DueOn(a.asked.OccurredOn)))
            .Select(a => (a.asked.Adviser, AdviceTimeliness.Judge(a.asked.OccurredOn, a.received, asOf), 1));

        return new DashboardFigures(period, asOf, TwentyWeekFigures.Count(trend, issued), backlog, open, durations, AdviceFigures.Count(advice));
    }
}
