using System.Globalization;

namespace SelfService.Benchmarks.Load;

/// <summary>
/// <c>load [--minutes 10] [--conversations 200] [--think-seconds 5] [--pages-per-second 20]
/// [--configurations sqlite,postgres,postgres2] [--output docs/performance.md]</c>.
/// </summary>
internal sealed record LoadOptions(
    TimeSpan Duration,
    int Conversations,
    double ThinkSeconds,
    int PagesPerSecond,
    IReadOnlyList<string> Configurations,
    string Output,
    string Arguments)
{
    public TimeSpan BareDuration => TimeSpan.FromSeconds(Math.Min(30, Duration.TotalSeconds));

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        var configurations = Get("--configurations", "sqlite,postgres,postgres2").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configurations.Except(["sqlite", "postgres", "postgres2"]).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown configuration \"{unknown}\": use sqlite, postgres or postgres2.");
        }

        return new LoadOptions(
            TimeSpan.FromMinutes(double.Parse(Get("--minutes", "10"), CultureInfo.InvariantCulture)),
            int.Parse(Get("--conversations", "200"), CultureInfo.InvariantCulture),
            double.Parse(Get("--think-seconds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Get("--pages-per-second", "20"), CultureInfo.InvariantCulture),
            configurations,
            Get("--output", Path.Combine("docs", "performance.md")),
            string.Join(' ', args.Skip(1).Where(a => !a.StartsWith("docs", StringComparison.Ordinal))));
    }
}
