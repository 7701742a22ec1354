using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfService.Data;

namespace SelfService.Web.Hosting;

/// <summary>
/// Ready means the case store answers and its schema is current: an instance that cannot reach
/// the database, or is still waiting for a migration, must not be sent requests.
/// </summary>
internal sealed class CaseStoreHealthCheck(CaseStoreDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The case store database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The case store is reachable and up to date.")
                : HealthCheckResult.Unhealthy($"The case store has {pending} migration(s) still to apply.");
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready"; the details go to the log, not the probe.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The case store database cannot be reached.", ex);
        }
    }
}
