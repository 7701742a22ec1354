using System.Data;
using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Assessments;
using SelfService.Domain.Performance;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Performance;

/// <summary>
/// The dashboard's figures, computed in the database: each query filters and groups there and
/// sends back at most a few thousand (date, count) rows, which the definitions in
/// <c>SelfService.Domain.Performance</c> turn into figures. The same definitions recompute every
/// figure from whole cases in the tests, so a wrong aggregate here cannot go unnoticed.
/// </summary>
public sealed class PerformanceQueries(CaseStoreDbContext db)
{
    public async Task<DashboardFigures> LoadAsync(PeriodKind kind, DateOnly periodDate, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var trend = ReportingPeriod.Trend(kind, periodDate, ReportingPeriod.TrendLength(kind));
        var period = trend[^1];

        // One snapshot for every figure, so totals agree with each other while caseworkers write.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // These queries are cheap once planned, but their cost estimates pass PostgreSQL's JIT
            // thresholds, and compiling them took longer than running them (docs/performance.md).
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
        }

        var timeliness = await TwentyWeekTrendAsync(trend, cancellationToken);
        var backlog = await BacklogAsync(asOf, cancellationToken);
        var open = await OpenByStageAsync(cancellationToken);
        var stages = await StageTimesAsync(period, cancellationToken);
        var advice = await AdviceAsync(period, asOf, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DashboardFigures(period, asOf, timeliness, backlog, open, stages, advice);
    }

    public async Task<IReadOnlyList<TwentyWeekFigures>> TwentyWeekTrendAsync(IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var from = periods[0].Start;
        var to = periods[^1].End;
        var lifting = TwentyWeekMeasure.KindsLiftingTwentyWeeks.ToList();
        var exceptions = db.Set<ExceptionApplied>();

        var issued = db.AssessmentCases.AsNoTracking().Where(c => c.FinalPlanIssuedOn >= from && c.FinalPlanIssuedOn <= to);
        var all = await issued
            .GroupBy(c => new { IssuedOn = c.FinalPlanIssuedOn!.Value, Within = c.FinalPlanIssuedOn <= c.RequestReceivedOn.AddDays(StatutoryClock.FinalPlanDays) })
            .Select(g => new { g.Key.IssuedOn, g.Key.Within, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // An exception counts when it was in force at some time between day 0 and the earlier of
        // the issue date and the deadline; it can never end before it started, nor start before day 0.
        // Asked as a filter of its own, the few exception events are joined once rather than each
        // case's whole history being read to look for one.
        var withException = await issued
            .Where(c => exceptions.Any(e => e.CaseId == c.Id
                && lifting.Contains(e.Kind)
                && e.OccurredOn <= c.FinalPlanIssuedOn
                && e.OccurredOn <= c.RequestReceivedOn.AddDays(StatutoryClock.FinalPlanDays)))
            .GroupBy(c => new { IssuedOn = c.FinalPlanIssuedOn!.Value, Within = c.FinalPlanIssuedOn <= c.RequestReceivedOn.AddDays(StatutoryClock.FinalPlanDays) })
            .Select(g => new { g.Key.IssuedOn, g.Key.Within, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var exceptionCounts = withException.ToDictionary(e => (e.IssuedOn, e.Within), e => e.Count);
        var rows = all.SelectMany(r =>
        {
            var exceptionCases = exceptionCounts.GetValueOrDefault((r.IssuedOn, r.Within));
            return new[] { (r.IssuedOn, r.Within, ExceptionCase: false, Count: r.Count - exceptionCases), (r.IssuedOn, r.Within, ExceptionCase: true, Count: exceptionCases) };
        });
        return TwentyWeekFigures.Count(periods, rows);
    }

    public async Task<IReadOnlyList<BacklogBand>> BacklogAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var openStages = OpenStageCount.OpenStages.ToList();

        // Overdue once asOf is past day 0 + 140, i.e. received before asOf - 140.
        var receivedBefore = asOf.AddDays(-StatutoryClock.FinalPlanDays);
        var assessments = await db.AssessmentCases.AsNoTracking()
            .Where(c => openStages.Contains(c.Stage) && c.RequestReceivedOn < receivedBefore)
            .GroupBy(c => c.RequestReceivedOn)
            .Select(g => new { ReceivedOn = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // A plan's review is behind when its period started before the first start not yet overdue,
        // and no meeting is in hand: none held since then, and none held still awaiting its decision.
        // The period starts with the last meeting held, or the issue date (CFA s44(1)).
        var notOverdueFrom = Backlog.FirstReviewPeriodStartNotOverdue(asOf);
        var reviews = db.AnnualReviews.AsNoTracking();
        var periodStarts = await db.EhcPlans.AsNoTracking()
            .Where(p => p.CeasedOn == null && p.IssuedOn < notOverdueFrom)
            .Where(p => !reviews.Any(r => r.PlanId == p.Id
                && (r.MeetingHeldOn >= notOverdueFrom
                    || (r.MeetingHeldOn != null
                        && !(r.Decision == ReviewDecision.Amend
                            ? r.FinalAmendedPlanIssuedOn != null
                            : r.Decision != null && r.DecisionNotifiedOn != null)))))
            .Select(p => reviews.Where(r => r.PlanId == p.Id).Max(r => r.MeetingHeldOn) ?? p.IssuedOn)
            .GroupBy(start => start)
            .Select(g => new { Start = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return BacklogBand.Count(
            assessments.Select(a => (Backlog.AssessmentDaysOverdue(a.ReceivedOn, asOf), a.Count)),
            periodStarts.Select(p => (Backlog.ReviewDaysOverdue(p.Start, asOf), p.Count)));
    }

    public async Task<IReadOnlyList<OpenStageCount>> OpenByStageAsync(CancellationToken cancellationToken = default)
    {
        var openStages = OpenStageCount.OpenStages.ToList();
        var counts = await db.AssessmentCases.AsNoTracking()
            .Where(c => openStages.Contains(c.Stage))
            .GroupBy(c => c.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return OpenStageCount.Count(counts.Select(c => (c.Stage, c.Count)));
    }

    public async Task<IReadOnlyList<StageDuration>> StageTimesAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.Start, period.End);
        var cases = db.AssessmentCases.AsNoTracking();

        var deciding = await cases
            .Where(c => c.DecisionToAssessOn >= from && c.DecisionToAssessOn <= to)
            .GroupBy(c => c.DecisionToAssessOn!.Value.DayNumber - c.RequestReceivedOn.DayNumber)
            .Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // A draft can only follow an agreement to assess, so a served draft has a decision date.
        var assessing = await cases
            .Where(c => c.DraftPlanServedOn >= from && c.DraftPlanServedOn <= to && c.DecisionToAssessOn != null)
            .GroupBy(c => c.DraftPlanServedOn!.Value.DayNumber - c.DecisionToAssessOn!.Value.DayNumber)
            .Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var finalising = await cases
            .Where(c => c.FinalPlanIssuedOn >= from && c.FinalPlanIssuedOn <= to && c.DraftPlanServedOn != null)
            .GroupBy(c => c.FinalPlanIssuedOn!.Value.DayNumber - c.DraftPlanServedOn!.Value.DayNumber)
            .Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return
        [
            new(TimedStage.DecidingWhetherToAssess, DurationSummary.From(deciding.Select(d => (d.Days, d.Count)))),
            new(TimedStage.AssessingAndDrafting, DurationSummary.From(assessing.Select(d => (d.Days, d.Count)))),
            new(TimedStage.DraftToFinalPlan, DurationSummary.From(finalising.Select(d => (d.Days, d.Count)))),
        ];
    }

    public async Task<IReadOnlyList<AdviceFigures>> AdviceAsync(ReportingPeriod period, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);

        // Advice is due 6 weeks after it was asked for; the period holds the due dates.
        var askedFrom = period.Start.AddDays(-AdviceRequested.DaysToRespond);
        var askedTo = period.End.AddDays(-AdviceRequested.DaysToRespond);
        var askedBeforeOverdue = asOf.AddDays(-AdviceRequested.DaysToRespond);
        var rows = await (
                from asked in db.Set<AdviceRequested>().AsNoTracking()
                where asked.OccurredOn >= askedFrom && asked.OccurredOn <= askedTo
                join received in db.Set<AdviceReceived>().AsNoTracking() on asked.Id equals received.AdviceRequestId into answers
                from received in answers.DefaultIfEmpty()
                select new
                {
                    asked.Adviser,
                    Outcome = received == null
                        ? (asked.OccurredOn < askedBeforeOverdue ? AdviceOutcome.Outstanding : AdviceOutcome.NotYetDue)
                        : (received.OccurredOn <= asked.OccurredOn.AddDays(AdviceRequested.DaysToRespond) ? AdviceOutcome.OnTime : AdviceOutcome.Late),
                })
            .GroupBy(r => new { r.Adviser, r.Outcome })
            .Select(g => new { g.Key.Adviser, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return AdviceFigures.Count(rows.Select(r => (r.Adviser, r.Outcome, r.Count)));
    }
}
