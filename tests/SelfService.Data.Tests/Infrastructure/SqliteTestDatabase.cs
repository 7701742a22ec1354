using Microsoft.Data.Sqlite;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>A temporary file, not :memory:, so WAL, locking and reopening behave as in production.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public override CaseStoreProvider Provider => CaseStoreProvider.Sqlite;

    public override Task<ScratchDatabase> CreateScratchAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"selfservice-test-{Guid.NewGuid():N}.db");
        var options = new CaseStoreOptions(CaseStoreProvider.Sqlite, $"Data Source={path}");
        return Task.FromResult(new ScratchDatabase(options, () =>
        {
            // Pooled connections keep the file open.
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return Task.CompletedTask;
        }));
    }
}
