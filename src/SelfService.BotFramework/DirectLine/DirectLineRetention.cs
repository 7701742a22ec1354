using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// Deletes conversations idle for longer than <see cref="DirectLineOptions.TranscriptRetentionDays"/>,
/// with their activities and files: at startup, then every <see cref="DirectLineOptions.PurgeIntervalMinutes"/>.
/// </summary>
public sealed partial class DirectLineRetention(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineRetention> logger) : BackgroundService
{
    /// <summary>One purge; returns how many conversations went. Does nothing when retention is off (0 days).</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.TranscriptRetentionDays;
        if (days <= 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IDirectLineStore>().PurgeAsync(cutoff, cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged, days);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.PurgeIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed purge (database briefly away) is retried next interval, not fatal to the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPurgeFailed(logger, e);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} Direct Line conversations idle for more than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Direct Line retention purge failed; it will run again later")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
