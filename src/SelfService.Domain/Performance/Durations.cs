namespace SelfService.Domain.Performance;

/// <summary>Median and 90th percentile of a set of durations in days, by the nearest-rank method.</summary>
/// <param name="Count">How many durations were summarised.</param>
/// <param name="Median">Null when there were none.</param>
public sealed record DurationSummary(int Count, int? Median, int? Percentile90)
{
    /// <summary>Summarises durations given as (days, how many took that long), so a store can send a histogram rather than every row.</summary>
    public static DurationSummary From(IEnumerable<(int Days, int Count)> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Days).ToList();
        var total = sorted.Sum(h => h.Count);
        return total == 0 ? new DurationSummary(0, null, null) : new DurationSummary(total, Rank(sorted, total, 50), Rank(sorted, total, 90));
    }

    /// <summary>The smallest value with at least ceil(p% of n) values at or below it.</summary>
    private static int Rank(List<(int Days, int Count)> sorted, int total, int percentile)
    {
        var rank = (int)Math.Ceiling(total * percentile / 100.0);
        var seen = 0;
        foreach (var (days, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }

        return sorted[^1].Days;
    }
}
