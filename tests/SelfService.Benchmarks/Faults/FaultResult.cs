using System.Collections.Concurrent;
using System.Globalization;

namespace SelfService.Benchmarks.Faults;

/// <summary>What one fault run saw: every response counted by step and outcome, the checks that failed, and the figures for the report.</summary>
internal sealed class FaultResult(string scenario, string configuration)
{
    private readonly ConcurrentDictionary<(string Step, OutcomeKind Kind, int Status), int> _counts = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _samples = new();

    public string Scenario { get; } = scenario;

    public string Configuration { get; } = configuration;

    /// <summary>Plain-language figures for the report, in order.</summary>
    public List<string> Figures { get; } = [];

    public IEnumerable<string> Problems => _problems;

    public bool Passed => _problems.IsEmpty;

    public void Record(string step, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _counts.AddOrUpdate((step, outcome.Kind, outcome.Status), 1, (_, n) => n + 1);
        if (outcome.Kind == OutcomeKind.Other)
        {
            Problem($"{step}: {outcome.Detail} ({outcome.Status})");
        }
        else if (outcome.Kind != OutcomeKind.Success && _samples.Count < 5)
        {
            _samples.Enqueue($"{step}: {outcome.Detail}");
        }
    }

    public void Problem(string text)
    {
        // Enough to diagnose; a flood of the same failure says nothing more.
        if (_problems.Count < 50)
        {
            _problems.Enqueue(text);
        }
    }

    public void Check(bool condition, string problem)
    {
        if (!condition)
        {
            Problem(problem);
        }
    }

    public int Count(string step, OutcomeKind kind) => _counts.Where(c => c.Key.Step == step && c.Key.Kind == kind).Sum(c => c.Value);

    public int Count(OutcomeKind kind) => _counts.Where(c => c.Key.Kind == kind).Sum(c => c.Value);

    /// <summary>"1,234 ok; 12 GOV.UK 503; 3 connection failures": every outcome of the run, all steps together.</summary>
    public string OutcomeSummary()
    {
        var parts = new List<string>();
        foreach (var group in _counts.GroupBy(c => (c.Key.Kind, Status: c.Key.Kind == OutcomeKind.CleanFailure ? c.Key.Status : 0))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Status))
        {
            var n = group.Sum(g => g.Value);
            parts.Add(group.Key.Kind switch
            {
                OutcomeKind.Success => string.Create(CultureInfo.InvariantCulture, $"{n:N0} succeeded"),
                OutcomeKind.CleanFailure => string.Create(CultureInfo.InvariantCulture, $"{n:N0} GOV.UK error page {group.Key.Status}"),
                OutcomeKind.ConnectionFailure => string.Create(CultureInfo.InvariantCulture, $"{n:N0} connection failed"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{n:N0} other (defect)"),
            });
        }

        return string.Join("; ", parts);
    }

    public void Print()
    {
        Console.WriteLine($"{Scenario} ({Configuration}): {(Passed ? "passed" : "FAILED")}");
        Console.WriteLine($"  responses: {OutcomeSummary()}");
        foreach (var figure in Figures)
        {
            Console.WriteLine($"  {figure}");
        }

        foreach (var sample in _samples)
        {
            Console.WriteLine($"  e.g. {sample}");
        }

        foreach (var problem in _problems)
        {
            Console.WriteLine($"  PROBLEM: {problem}");
        }
    }
}
