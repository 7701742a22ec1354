using System.Globalization;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>
/// <c>fuzz [--seed 20261207] [--minutes 3] [--concurrency 8] [--database sqlite|postgres]
/// [--output docs/performance.md|none]</c>. The seed fixes every choice each worker makes, so a
/// finding can be reproduced by running again with the same seed.
/// </summary>
internal sealed record FuzzOptions(int Seed, TimeSpan Duration, int Concurrency, string Database, string? Output, string Arguments)
{
    public const int DefaultSeed = 20261207;

    /// <summary>A request taking longer than this is a hang, whatever it returns in the end.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static FuzzOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        var database = Get("--database", "sqlite");
        if (database is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"Unknown database \"{database}\": use sqlite or postgres.");
        }

        var output = Get("--output", Path.Combine("docs", "performance.md"));
        return new FuzzOptions(
            int.Parse(Get("--seed", DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(double.Parse(Get("--minutes", "3"), CultureInfo.InvariantCulture)),
            int.Parse(Get("--concurrency", "8"), CultureInfo.InvariantCulture),
            database,
            output == "none" ? null : output,
            string.Join(' ', values.Where(v => v.Key != "--output").Select(v => $"{v.Key} {v.Value}")));
    }
}
