using System.Globalization;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.DemoData;

namespace SelfService.Web.Hosting;

/// <summary>
/// <c>seed [--scale test|leeds|national] [--random-seed N]</c>: migrates the configured case
/// store and fills it with demo data, then exits; for load tests and demos on a fresh database.
/// </summary>
internal static partial class DemoDataCommand
{
    public const string Name = "seed";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var defaults = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (!TryParse(args, defaults, out var scale, out var randomSeed, out var error))
        {
            await output.WriteLineAsync(error);
            await output.WriteLineAsync("Usage: seed [--scale test|leeds|national] [--random-seed N]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseStoreMigrator>().MigrateAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        if (!await DemoDataSeeder.IsEmptyAsync(db, cancellationToken))
        {
            await output.WriteLineAsync("The case store already holds data, so no demo data was added. Point the app at a new, empty database.");
            return 1;
        }

        var today = services.GetRequiredService<UkClock>().Today();
        await output.WriteLineAsync($"Seeding the {scale} demo data for {today:yyyy-MM-dd} (random seed {randomSeed})…");
        var started = TimeProvider.System.GetTimestamp();
        var summary = await DemoDataSeeder.SeedAsync(db, scale, today, randomSeed, cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Done in {elapsed.TotalSeconds:F1} s: {summary.Schools:N0} schools, {summary.Children:N0} children, {summary.PlansInPlace:N0} plans in place, {summary.AssessmentCases:N0} assessment cases, {summary.CaseEvents:N0} case events, {summary.AnnualReviews:N0} annual reviews."));
        return 0;
    }

    /// <summary>Seeds at startup when configured and the store is empty; a no-op afterwards.</summary>
    public static async Task SeedOnFirstRunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (!options.SeedOnFirstRun)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        if (!await DemoDataSeeder.IsEmptyAsync(db, cancellationToken))
        {
            return;
        }

        var today = services.GetRequiredService<UkClock>().Today();
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        LogSeeding(logger, options.Scale, day);
        var summary = await DemoDataSeeder.SeedAsync(db, options.Scale, today, options.RandomSeed, cancellationToken);
        LogSeeded(logger, summary.PlansInPlace, summary.AssessmentCases, summary.Schools);
    }

    private static bool TryParse(string[] args, DemoDataOptions defaults, out DemoScale scale, out int randomSeed, out string error)
    {
        scale = defaults.Scale;
        randomSeed = defaults.RandomSeed;
        error = "";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scale" when value is not null && Enum.TryParse(value, ignoreCase: true, out scale) && Enum.IsDefined(scale):
                case "--random-seed" when value is not null && int.TryParse(value, CultureInfo.InvariantCulture, out randomSeed):
                    i++;
                    break;
                case "--scale" or "--random-seed":
                    error = $"{args[i]} needs a value: scale is test, leeds or national; the random seed is a whole number.";
                    return false;
                default:
                    // Other --Key value pairs are configuration (e.g. --DataDirectory), already read by the host.
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        i++;
                        break;
                    }

                    error = $"\"{args[i]}\" is not an option of the seed command.";
                    return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The case store is empty: seeding the {Scale} demo data for {Today}")]
    private static partial void LogSeeding(ILogger logger, DemoScale scale, string today);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Plans} plans in place, {Cases} assessment cases, {Schools} schools")]
    private static partial void LogSeeded(ILogger logger, int plans, int cases, int schools);
}
