using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SelfService.Data;

/// <summary>Brings the database up to the latest schema at startup.</summary>
public sealed partial class CaseStoreMigrator(CaseStoreDbContext db, ILogger<CaseStoreMigrator> logger)
{
    /// <summary>Any fixed number; every instance of the app must use the same one.</summary>
    private const long MigrationLockKey = 0x5345_4E44_4D49_4752; // "SENDMIGR"

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            await MigrateHoldingLockAsync(cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        LogMigrated(logger);
    }

    private async Task MigrateHoldingLockAsync(CancellationToken cancellationToken)
    {
        // Several instances starting together would otherwise race to apply the same migration.
        // The advisory lock belongs to the session, so the connection stays open until unlocked.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            LogWaitingForLock(logger);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the case store migration lock")]
    private static partial void LogWaitingForLock(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case store schema is up to date")]
    private static partial void LogMigrated(ILogger logger);
}
