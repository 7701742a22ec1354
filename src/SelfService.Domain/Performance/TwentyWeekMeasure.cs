using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Performance;

/// <summary>
/// The SEN2 measure: the share of new EHC plans issued within 20 weeks, counted in the period the
/// plan was issued, both including and excluding the cases where an exception to the time limit
/// applied (SEND Regs 13(3)).
/// </summary>
public static class TwentyWeekMeasure
{
    /// <summary>
    /// The exceptions that lift the 20-week limit: every kind but a missed appointment, which lifts
    /// only the advice deadline (Regs 8(2)(c)). A domain test holds this to what the clock does.
    /// </summary>
    public static readonly IReadOnlyList<ExceptionKind> KindsLiftingTwentyWeeks =
    [
        ExceptionKind.SchoolClosure,
        ExceptionKind.EarlyYearsClosure,
        ExceptionKind.ExceptionalPersonalCircumstances,
        ExceptionKind.AbsentFromArea,
    ];

    /// <summary>The last day the final plan may be issued: day 0 + 140 (SEND Regs 13(2)).</summary>
    public static DateOnly DueOn(DateOnly requestReceivedOn) => requestReceivedOn.AddDays(StatutoryClock.FinalPlanDays);

    public static bool IsWithinTwentyWeeks(DateOnly requestReceivedOn, DateOnly finalPlanIssuedOn) =>
        finalPlanIssuedOn <= DueOn(requestReceivedOn);

    /// <summary>
    /// Whether an exception applied to the 20 weeks of an issued plan, as the statutory clock judges
    /// it: a lifting exception in force at some time between day 0 and the earlier of the issue date
    /// and the deadline. Null when no final plan has been issued.
    /// </summary>
    public static bool? IsExceptionCase(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.OfType<FinalPlanIssued>().FirstOrDefault() is not { } plan)
        {
            return null;
        }

        return StatutoryClock.Calculate(events, plan.OccurredOn).Find(MilestoneKeys.FinalPlan)?.ExceptionApplies ?? false;
    }

    /// <summary>A percentage to one decimal place, or null when there is nothing to divide.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>One period's 20-week figures.</summary>
/// <param name="Issued">New plans issued in the period.</param>
/// <param name="Within">Of those, issued within 20 weeks.</param>
/// <param name="ExceptionCases">Of those issued, the ones where an exception applied.</param>
/// <param name="WithinExceptionCases">Exception cases that were still issued within 20 weeks.</param>
public sealed record TwentyWeekFigures(ReportingPeriod Period, int Issued, int Within, int ExceptionCases, int WithinExceptionCases)
{
    public int IssuedExcludingExceptions => Issued - ExceptionCases;

    public int WithinExcludingExceptions => Within - WithinExceptionCases;

    public decimal? PercentIncludingExceptions => TwentyWeekMeasure.Percent(Within, Issued);

    public decimal? PercentExcludingExceptions => TwentyWeekMeasure.Percent(WithinExcludingExceptions, IssuedExcludingExceptions);

    /// <summary>Counts issued plans, each described by its dates and whether an exception applied, into the periods.</summary>
    public static IReadOnlyList<TwentyWeekFigures> Count(
        IReadOnlyList<ReportingPeriod> periods, IEnumerable<(DateOnly IssuedOn, bool Within, bool ExceptionCase, int Count)> plans)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var figures = periods.Select(p => new TwentyWeekFigures(p, 0, 0, 0, 0)).ToArray();
        foreach (var (issuedOn, within, exceptionCase, count) in plans)
        {
            var index = Array.FindIndex(figures, f => f.Period.Contains(issuedOn));
            if (index < 0)
            {
                continue;
            }

            var f = figures[index];
            figures[index] = f with
            {
                Issued = f.Issued + count,
                Within = f.Within + (within ? count : 0),
                ExceptionCases = f.ExceptionCases + (exceptionCase ? count : 0),
                WithinExceptionCases = f.WithinExceptionCases + (within && exceptionCase ? count : 0),
            };
        }

        return figures;
    }
}
