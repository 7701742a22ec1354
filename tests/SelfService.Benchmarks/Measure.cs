using System.Diagnostics;

namespace SelfService.Benchmarks;

/// <summary>Repeats a piece of work in timed rounds after a warm-up, and reports the median round.</summary>
internal static class Measure
{
    public static double MedianMilliseconds(Action work, int rounds = 7)
    {
        work();
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            work();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    public static async Task<double> OnceSecondsAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}
