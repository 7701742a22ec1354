using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Complaints;

namespace SelfService.Data.Complaints;

/// <summary>
/// One period's complaint figures. Each count belongs to the period in which its own date fell
/// (received, responded, asked for stage 2, referred). Escalation rates follow the responses: of
/// the stage 1 responses sent in the period, the share that went on to stage 2 (so far); of the
/// stage 2 responses, the share taken to the Ombudsman. Percentages are null with nothing to divide.
/// </summary>
public sealed record ComplaintPeriodFigures(
    string Period,
    DateOnly From,
    DateOnly To,
    int Received,
    int Stage1Responded,
    int Stage1RespondedOnTime,
    decimal? Stage1OnTimePercent,
    int Stage2Requested,
    int Stage2Responded,
    int Stage2RespondedOnTime,
    decimal? Stage2OnTimePercent,
    int ReferredToOmbudsman,
    int Stage1ResponsesEscalated,
    decimal? Stage1To2EscalationPercent,
    int Stage2ResponsesReferred,
    decimal? Stage2ToOmbudsmanPercent);

/// <param name="Stage">"stage1", "stage2" or "ombudsman".</param>
/// <param name="Outcome">The outcome's enum name, e.g. <c>PartlyUpheld</c>.</param>
public sealed record ComplaintOutcomeCount(string Stage, string Outcome, int Count);

public sealed record ComplaintFiguresReport(
    DateOnly From,
    DateOnly To,
    ComplaintPeriodFigures Total,
    IReadOnlyList<ComplaintPeriodFigures> Months,
    IReadOnlyList<ComplaintPeriodFigures> Quarters,
    IReadOnlyList<ComplaintOutcomeCount> Outcomes);

/// <summary>
/// Complaint figures for the performance dashboard and the JSON API, including the escalation
/// rate (stage 1 to stage 2 to the Ombudsman) the scrutiny board asked for as a KPI.
/// </summary>
public sealed class ComplaintFigures(CaseStoreDbContext db)
{
    /// <summary>The longest period one query may cover, to keep it cheap.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>Figures for <paramref name="from"/> to <paramref name="to"/> inclusive, by month and calendar quarter.</summary>
    public async Task<ComplaintFiguresReport> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the period is before its start.");
        }

        var rows = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.ReceivedOn <= to)
            .Select(c => new Row(
                c.ReceivedOn, c.Stage1RespondedOn, c.Stage1ExtendedTo ?? c.Stage1RespondBy, c.Stage1Outcome,
                c.Stage2RequestedOn, c.Stage2RespondedOn, c.Stage2RespondBy, c.Stage2Outcome,
                c.OmbudsmanReferredOn, c.OmbudsmanDecidedOn, c.OmbudsmanOutcome))
            .ToListAsync(cancellationToken);

        var months = new List<ComplaintPeriodFigures>();
        for (var start = new DateOnly(from.Year, from.Month, 1); start <= to; start = start.AddMonths(1))
        {
            months.Add(Period(rows, start.ToString("yyyy-MM", CultureInfo.InvariantCulture), Max(start, from), Min(start.AddMonths(1).AddDays(-1), to)));
        }

        var quarters = new List<ComplaintPeriodFigures>();
        for (var start = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1); start <= to; start = start.AddMonths(3))
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
            quarters.Add(Period(rows, label, Max(start, from), Min(start.AddMonths(3).AddDays(-1), to)));
        }

        bool In(DateOnly? date) => date is { } d && d >= from && d <= to;
        var outcomes = rows.Where(r => In(r.Stage1RespondedOn)).GroupBy(r => ("stage1", r.Stage1Outcome!.Value.ToString()))
            .Concat(rows.Where(r => In(r.Stage2RespondedOn)).GroupBy(r => ("stage2", r.Stage2Outcome!.Value.ToString())))
            .Concat(rows.Where(r => In(r.OmbudsmanDecidedOn)).GroupBy(r => ("ombudsman", r.OmbudsmanOutcome!.Value.ToString())))
            .Select(g => new ComplaintOutcomeCount(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderBy(o => o.Stage, StringComparer.Ordinal).ThenBy(o => o.Outcome, StringComparer.Ordinal)
            .ToList();

        return new ComplaintFiguresReport(from, to, Period(rows, "total", from, to), months, quarters, outcomes);
    }

    private static ComplaintPeriodFigures Period(List<Row> rows, string label, DateOnly from, DateOnly to)
    {
        bool In(DateOnly? date) => date is { } d && d >= from && d <= to;
        var stage1 = rows.Where(r => In(r.Stage1RespondedOn)).ToList();
        var stage2 = rows.Where(r => In(r.Stage2RespondedOn)).ToList();
        var stage1OnTime = stage1.Count(r => r.Stage1RespondedOn <= r.Stage1Target);
        var stage2OnTime = stage2.Count(r => r.Stage2RespondedOn <= r.Stage2Target);
        var escalated = stage1.Count(r => r.Stage2RequestedOn is not null);
        var referred = stage2.Count(r => r.OmbudsmanReferredOn is not null);
        return new ComplaintPeriodFigures(
            label, from, to,
            rows.Count(r => In(r.ReceivedOn)),
            stage1.Count, stage1OnTime, Percent(stage1OnTime, stage1.Count),
            rows.Count(r => In(r.Stage2RequestedOn)),
            stage2.Count, stage2OnTime, Percent(stage2OnTime, stage2.Count),
            rows.Count(r => In(r.OmbudsmanReferredOn)),
            escalated, Percent(escalated, stage1.Count),
            referred, Percent(referred, stage2.Count));
    }

    /// <summary>One decimal place, half away from zero, as the dashboard shows it.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Row(
        DateOnly ReceivedOn,
        DateOnly? Stage1RespondedOn,
        DateOnly Stage1Target,
        ComplaintOutcome? Stage1Outcome,
        DateOnly? Stage2RequestedOn,
        DateOnly? Stage2RespondedOn,
        DateOnly? Stage2Target,
        ComplaintOutcome? Stage2Outcome,
        DateOnly? OmbudsmanReferredOn,
        DateOnly? OmbudsmanDecidedOn,
        OmbudsmanOutcome? OmbudsmanOutcome);
}
