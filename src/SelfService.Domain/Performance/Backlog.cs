using SelfService.Domain.Assessments;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Performance;

/// <summary>
/// How far behind open work is on a date. A new assessment is behind once its 20 weeks have run
/// out with no final plan; an annual review once its meeting has not been held within the 12-month
/// period (CFA s44(1)). The overloads on dates are what the store can group by; the overloads on
/// a whole case or plan ask the clocks themselves, so each can check the other.
/// </summary>
public static class Backlog
{
    public static int AssessmentDaysOverdue(DateOnly requestReceivedOn, DateOnly asOf) =>
        Math.Max(0, asOf.DayNumber - TwentyWeekMeasure.DueOn(requestReceivedOn).DayNumber);

    public static int AssessmentDaysOverdue(AssessmentCase assessmentCase, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessmentCase);
        return !assessmentCase.IsClosed && assessmentCase.Timeline(asOf).Find(MilestoneKeys.FinalPlan) is { Status: MilestoneStatus.Overdue } late
            ? late.DaysOverdue
            : 0;
    }

    /// <param name="periodStart">The last review meeting held, or the plan's issue date if none has been.</param>
    public static int ReviewDaysOverdue(DateOnly periodStart, DateOnly asOf) =>
        Math.Max(0, asOf.DayNumber - AnnualReviewClock.ReviewDueBy(periodStart).DayNumber);

    /// <summary>
    /// The earliest review period start that is not yet overdue on <paramref name="asOf"/>: a plan
    /// is behind exactly when its period started before this day, which lets the store test a
    /// plain date instead of working out every plan's due date.
    /// </summary>
    public static DateOnly FirstReviewPeriodStartNotOverdue(DateOnly asOf)
    {
        var start = asOf.AddYears(-1);
        while (AnnualReviewClock.ReviewDueBy(start.AddDays(-1)) >= asOf)
        {
            start = start.AddDays(-1);
        }

        while (AnnualReviewClock.ReviewDueBy(start) < asOf)
        {
            start = start.AddDays(1);
        }

        return start;
    }

    public static int ReviewDaysOverdue(EhcPlan plan, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.CeasedOn is null
            && AnnualReviewClock.Calculate(plan.ToTimelineInput(), asOf).Find(MilestoneKeys.NextReviewDue) is { Status: MilestoneStatus.Overdue } late
            ? late.DaysOverdue
            : 0;
    }
}

/// <summary>One band of the backlog: how many open assessments and annual reviews are that far behind.</summary>
public sealed record BacklogBand(OverdueBand Band, int Assessments, int Reviews)
{
    /// <summary>Sorts overdue work, each item given as days overdue with a count, into <see cref="OverdueBands.All"/>.</summary>
    public static IReadOnlyList<BacklogBand> Count(
        IEnumerable<(int DaysOverdue, int Count)> assessments, IEnumerable<(int DaysOverdue, int Count)> reviews)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(reviews);
        var bands = OverdueBands.All.ToDictionary(b => b, b => new BacklogBand(b, 0, 0));
        foreach (var (days, count) in assessments)
        {
            if (OverdueBands.For(days) is { } band)
            {
                bands[band] = bands[band] with { Assessments = bands[band].Assessments + count };
            }
        }

        foreach (var (days, count) in reviews)
        {
            if (OverdueBands.For(days) is { } band)
            {
                bands[band] = bands[band] with { Reviews = bands[band].Reviews + count };
            }
        }

        return OverdueBands.All.Select(b => bands[b]).ToList();
    }
}
