using Microsoft.EntityFrameworkCore;
using SelfService.Data;

namespace SelfService.Web.Hosting;

/// <summary>
/// <c>migrate</c>: brings the configured case store's schema up to date, then exits. A deployment
/// runs it before switching instances to a new release, which start with
/// <c>Database:MigrateOnStartup</c> off (they report unready until the schema is current).
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await scope.ServiceProvider.GetRequiredService<CaseStoreMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "The case store's schema is already up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }
}
