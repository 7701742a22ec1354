using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Domain.Performance;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>The dashboard's settings (configuration section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// How old the figures may be, in minutes; the current month, quarter and year are recomputed
    /// this often in the background. 0 computes every page from the rows (no snapshot).
    /// </summary>
    public int RefreshMinutes { get; set; } = 5;
}

/// <summary>The dashboard's figures and when they were computed.</summary>
public sealed record DashboardSnapshot(DashboardData Data, DateTime ComputedAtUtc);

/// <summary>
/// Figures for the dashboard and its CSVs, computed from the rows at most
/// <see cref="DashboardOptions.RefreshMinutes"/> ago (ADR 0025). At national scale computing them
/// takes seconds; scrutiny figures a few minutes old are as true as the board needs, and every
/// reader of one period shares one computation instead of each starting their own.
/// </summary>
public sealed class DashboardSnapshots(IServiceScopeFactory scopes, IOptions<DashboardOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(PeriodKind Kind, DateOnly Start, DateOnly AsOf), Lazy<Task<DashboardSnapshot>>> _snapshots = new();

    public TimeSpan MaxAge => TimeSpan.FromMinutes(options.Value.RefreshMinutes);

    public async Task<DashboardSnapshot> GetAsync(PeriodKind kind, DateOnly date, DateOnly today, CancellationToken cancellationToken)
    {
        if (MaxAge <= TimeSpan.Zero)
        {
            return await ComputeAsync(kind, date, today, cancellationToken);
        }

        var key = (kind, ReportingPeriod.Containing(kind, date).Start, today);
        var entry = _snapshots.GetOrAdd(key, _ => Start(kind, date, today));
        var snapshot = await Settle(key, entry);
        if (time.GetUtcNow().UtcDateTime - snapshot.ComputedAtUtc <= MaxAge)
        {
            return snapshot;
        }

        // Too old (no one has kept this period warm): replace it once, however many ask at once.
        var fresh = Start(kind, date, today);
        return await Settle(key, _snapshots.TryUpdate(key, fresh, entry) ? fresh : _snapshots.GetOrAdd(key, fresh));
    }

    /// <summary>Computes the period now and keeps it, dropping snapshots of earlier days.</summary>
    public async Task RefreshAsync(PeriodKind kind, DateOnly today, CancellationToken cancellationToken)
    {
        var snapshot = await ComputeAsync(kind, today, today, cancellationToken);
        _snapshots[(kind, ReportingPeriod.Containing(kind, today).Start, today)] = new Lazy<Task<DashboardSnapshot>>(Task.FromResult(snapshot));
        foreach (var old in _snapshots.Keys.Where(k => k.AsOf < today))
        {
            _snapshots.TryRemove(old, out _);
        }
    }

    private Lazy<Task<DashboardSnapshot>> Start(PeriodKind kind, DateOnly date, DateOnly today) =>
        new(() => ComputeAsync(kind, date, today, CancellationToken.None));

    /// <summary>A failed computation is not kept: the next reader tries again.</summary>
    private async Task<DashboardSnapshot> Settle((PeriodKind, DateOnly, DateOnly) key, Lazy<Task<DashboardSnapshot>> entry)
    {
        try
        {
            return await entry.Value;
        }
        catch
        {
            _snapshots.TryRemove(new KeyValuePair<(PeriodKind, DateOnly, DateOnly), Lazy<Task<DashboardSnapshot>>>(key, entry));
            throw;
        }
    }

    private async Task<DashboardSnapshot> ComputeAsync(PeriodKind kind, DateOnly date, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var data = await DashboardData.LoadAsync(db, kind, date, today, cancellationToken);
        return new DashboardSnapshot(data, time.GetUtcNow().UtcDateTime);
    }
}

/// <summary>Keeps this month's, quarter's and year's figures computed, so managers never wait for them.</summary>
internal sealed partial class DashboardWarmer(DashboardSnapshots snapshots, UkClock clock, ILogger<DashboardWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var kind in Enum.GetValues<PeriodKind>())
            {
                try
                {
                    await snapshots.RefreshAsync(kind, clock.Today(), stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed refresh must not stop the worker: pages compute on demand meanwhile.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogFailed(e, kind);
                }
            }

            try
            {
                // A little under the allowed age, so readers find a snapshot that is still fresh.
                await Task.Delay(snapshots.MaxAge * 0.8, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the dashboard figures for the current {Kind}")]
    private partial void LogFailed(Exception exception, PeriodKind kind);
}

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton<DashboardSnapshots>();
        if (configuration.GetValue($"{DashboardOptions.SectionName}:{nameof(DashboardOptions.RefreshMinutes)}", new DashboardOptions().RefreshMinutes) > 0)
        {
            services.AddHostedService<DashboardWarmer>();
        }

        return services;
    }
}
