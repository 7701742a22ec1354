namespace SelfService.Domain.Performance;

/// <summary>One band of the backlog, in completed weeks overdue; <see cref="MaxWeeks"/> null for the open-ended last band.</summary>
public sealed record OverdueBand(int MinWeeks, int? MaxWeeks)
{
    public string Label => MaxWeeks is { } max ? $"{MinWeeks} to {max} weeks" : $"{MinWeeks} weeks or more";

    /// <summary>A key for CSV files and element ids.</summary>
    public string Key => MaxWeeks is { } max ? $"{MinWeeks}-{max}" : $"{MinWeeks}+";
}

/// <summary>
/// The backlog "broken down by how many weeks cases are behind" that Leeds scrutiny asked for.
/// Weeks overdue are completed weeks: 1 to 6 days late is 0 weeks, 35 days is 5 weeks.
/// </summary>
public static class OverdueBands
{
    public static readonly IReadOnlyList<OverdueBand> All =
    [
        new(0, 4),
        new(5, 8),
        new(9, 13),
        new(14, 26),
        new(27, 52),
        new(53, null),
    ];

    public static int WeeksOverdue(int daysOverdue) => daysOverdue / 7;

    /// <summary>The band for a deadline missed by <paramref name="daysOverdue"/> days; null when it has not been missed.</summary>
    public static OverdueBand? For(int daysOverdue)
    {
        if (daysOverdue <= 0)
        {
            return null;
        }

        var weeks = WeeksOverdue(daysOverdue);
        return All.First(b => weeks >= b.MinWeeks && (b.MaxWeeks is not { } max || weeks <= max));
    }
}
