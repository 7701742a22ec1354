namespace SelfService.Domain.Timeline;

/// <summary>How a deadline stands on the as-of date; shared by every clock so they all judge alike.</summary>
internal static class MilestoneRules
{
    public static Milestone Evaluate(
        string key,
        DateOnly due,
        DateOnly? completed,
        DateOnly asOf,
        bool exceptionApplies = false,
        string? subject = null)
    {
        var (status, daysOverdue) = completed switch
        {
            { } done when done <= due => (MilestoneStatus.Met, 0),
            { } done => (MilestoneStatus.Late, done.DayNumber - due.DayNumber),
            null when asOf > due => (MilestoneStatus.Overdue, asOf.DayNumber - due.DayNumber),
            null when due.DayNumber - asOf.DayNumber <= Milestone.DueSoonDays => (MilestoneStatus.DueSoon, 0),
            null => (MilestoneStatus.Pending, 0),
        };
        return new Milestone(key, due, completed, status, daysOverdue, exceptionApplies, subject);
    }

    /// <summary>
    /// A family's window to respond has no "late" for the council: once it has passed (or the
    /// council has moved on) it simply closed, so it counts as done on its last day.
    /// </summary>
    public static DateOnly? WindowClosedOn(DateOnly lastDay, DateOnly asOf, bool overtaken) =>
        asOf > lastDay || overtaken ? lastDay : null;
}
