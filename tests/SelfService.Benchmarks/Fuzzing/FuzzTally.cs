using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>One hostile request as the report shows it: enough to send it again by hand.</summary>
internal sealed record FuzzRequest(string Target, string Method, string Path, string? ContentType, string BodySummary, string? Role = null)
{
    public string Describe() =>
        $"{Method} {Path}{(Role is null ? "" : $" as {Role}")}{(ContentType is null ? "" : $" [{ContentType}]")}{(BodySummary.Length == 0 ? "" : $" body: {BodySummary}")}";
}

/// <summary>
/// What the run saw: responses counted by target and status, and the findings (5xx, requests that
/// took longer than the timeout, requests the app did not answer at all, the app no longer
/// answering its liveness check), each kind kept once with how often it happened.
/// </summary>
internal sealed class FuzzTally
{
    private readonly ConcurrentDictionary<(string Target, string Status), int> _counts = new();
    private readonly ConcurrentDictionary<string, Finding> _findings = new(StringComparer.Ordinal);
    private int _findingCount;
    private int _requests;

    public int Requests => _requests;

    public int FindingCount => _findingCount;

    public IEnumerable<Finding> Findings => _findings.Values.OrderByDescending(f => f.Count).ThenBy(f => f.Key, StringComparer.Ordinal);

    public IReadOnlyDictionary<(string Target, string Status), int> Counts => _counts;

    public void Count(string target, string status)
    {
        Interlocked.Increment(ref _requests);
        _counts.AddOrUpdate((target, status), 1, (_, n) => n + 1);
    }

    /// <summary>Records a finding; the key groups requests that fail the same way (target, method, path shape, outcome).</summary>
    public void Find(string key, string outcome, FuzzRequest request, string? detail = null)
    {
        Interlocked.Increment(ref _findingCount);
        var finding = _findings.GetOrAdd(key, k => new Finding(k, outcome, request, detail));
        Interlocked.Increment(ref finding.CountField);
    }

    public string CountsTable()
    {
        var statuses = _counts.Keys.Select(k => k.Status).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var targets = _counts.Keys.Select(k => k.Target).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var table = new StringBuilder();
        table.AppendLine("| target | requests | " + string.Join(" | ", statuses) + " |");
        table.AppendLine("|---|---:|" + string.Concat(statuses.Select(_ => "---:|")));
        foreach (var target in targets)
        {
            var row = statuses.Select(s => _counts.TryGetValue((target, s), out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "0");
            var total = statuses.Sum(s => _counts.TryGetValue((target, s), out var n) ? n : 0);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {target} | {total:N0} | {string.Join(" | ", row)} |"));
        }

        var all = statuses.Select(s => _counts.Where(c => c.Key.Status == s).Sum(c => c.Value).ToString("N0", CultureInfo.InvariantCulture));
        table.Append(string.Create(CultureInfo.InvariantCulture, $"| **all** | **{_requests:N0}** | {string.Join(" | ", all)} |"));
        return table.ToString();
    }

    internal sealed class Finding(string key, string outcome, FuzzRequest example, string? detail)
    {
        internal int CountField;

        public string Key { get; } = key;

        public string Outcome { get; } = outcome;

        public FuzzRequest Example { get; } = example;

        public string? Detail { get; } = detail;

        public int Count => CountField;
    }
}
