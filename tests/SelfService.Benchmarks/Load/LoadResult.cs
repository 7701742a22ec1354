using System.Collections.Concurrent;
using System.Globalization;

namespace SelfService.Benchmarks.Load;

/// <summary>What one configuration's soak measured.</summary>
internal sealed class LoadResult(string label)
{
    private int _errors;

    public string Label { get; } = label;

    public ConcurrentBag<double> Turns { get; } = [];

    public ConcurrentBag<double> Pages { get; } = [];

    public ConcurrentBag<(DateTime At, long Bytes)> Memory { get; } = [];

    public ConcurrentDictionary<string, int> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public int Errors => _errors;

    public double Seconds { get; set; }

    public void Error(string kind)
    {
        Interlocked.Increment(ref _errors);
        ErrorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public IEnumerable<string> Rows((string Row, double PerSecond, double P50) bare)
    {
        var memory = MemoryText();
        yield return Row("chat turn", [.. Turns], "turns", memory, bare.P50);
        yield return Row("case page", [.. Pages], "pages", memory, bare.P50);
        if (Errors > 0)
        {
            Console.WriteLine($"{Label}: errors {string.Join(", ", ErrorKinds.Select(e => $"{e.Key} ×{e.Value}"))}");
        }
    }

    private string Row(string what, List<double> latencies, string unit, string memory, double bareP50)
    {
        latencies.Sort();
        if (latencies.Count == 0)
        {
            return $"| {Label} | {what} | {Seconds / 60:F0} min | 0 | – | – | – | – | {Errors} | {memory} | – |";
        }

        var p50 = Measure.Percentile(latencies, 50);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Label} | {what} | {Seconds / 60:F1} min | {latencies.Count:N0} | {latencies.Count / Seconds:F1} {unit}/s | {p50:F1} ms | {Measure.Percentile(latencies, 95):F1} ms | {Measure.Percentile(latencies, 99):F1} ms | {Errors} | {memory} | {p50 / bareP50:F0}× |");
    }

    private string MemoryText()
    {
        var samples = Memory.OrderBy(m => m.At).ToList();
        if (samples.Count == 0)
        {
            return "–";
        }

        var start = samples[0].At;
        var end = samples[^1].At;
        var first = samples.Where(m => m.At <= start.AddMinutes(1)).Average(m => m.Bytes);
        var last = samples.Where(m => m.At >= end.AddMinutes(-1)).Average(m => m.Bytes);
        return string.Create(CultureInfo.InvariantCulture, $"{first / 1048576:F0} → {last / 1048576:F0} MB, peak {samples.Max(m => m.Bytes) / 1048576:F0} MB");
    }
}
