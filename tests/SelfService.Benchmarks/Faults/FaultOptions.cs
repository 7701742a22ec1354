using System.Globalization;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// The sizes of the fault runs. <c>--ci</c> is the few-minute run the test command makes and does
/// not touch the report; the default is the full run that writes docs/performance.md.
/// </summary>
internal sealed record FaultOptions
{
    public bool Ci { get; init; }

    /// <summary>Where the built app is: the build configuration's folder name.</summary>
    public string Configuration { get; init; } = "Release";

    public int Seed { get; init; } = 20261207;

    public string Output { get; init; } = Path.Combine("docs", "performance.md");

    /// <summary>Only these scenarios (pg-restart, smtp, kill); all when empty.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public int RestartClients { get; init; } = 16;

    public TimeSpan RestartDuration { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Seconds PostgreSQL stays down at each restart: 0 is <c>pg_ctl restart -m fast</c>; more is an outage.</summary>
    public IReadOnlyList<int> RestartDownSeconds { get; init; } = [0, 0, 10];

    public int SmtpEmails { get; init; } = 100;

    public TimeSpan SmtpOutage { get; init; } = TimeSpan.FromSeconds(60);

    public int KillUsers { get; init; } = 10;

    public int KillSubmissions { get; init; } = 60;

    public int KillRounds { get; init; } = 3;

    public static FaultOptions Parse(string[] args)
    {
        var options = new FaultOptions();
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--ci":
                    options = options with
                    {
                        Ci = true,
                        RestartClients = 8,
                        RestartDuration = TimeSpan.FromSeconds(30),
                        RestartDownSeconds = [0, 4],
                        SmtpEmails = 20,
                        SmtpOutage = TimeSpan.FromSeconds(12),
                        KillUsers = 6,
                        KillSubmissions = 24,
                        KillRounds = 1,
                    };
                    continue;
                case "--configuration":
                    options = options with { Configuration = Required(value, args[i]) };
                    break;
                case "--seed":
                    options = options with { Seed = int.Parse(Required(value, args[i]), CultureInfo.InvariantCulture) };
                    break;
                case "--output":
                    options = options with { Output = Required(value, args[i]) };
                    break;
                case "--only":
                    options = options with { Only = Required(value, args[i]).Split(',').ToHashSet(StringComparer.Ordinal) };
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }

            i++;
        }

        return options;
    }

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public string Arguments => Ci ? "--ci" : string.Empty;

    private static string Required(string? value, string name) =>
        value ?? throw new ArgumentException($"{name} needs a value.");
}
