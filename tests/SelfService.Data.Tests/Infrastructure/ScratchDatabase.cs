using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>An empty database of its own, removed when disposed.</summary>
public sealed class ScratchDatabase(CaseStoreOptions options, Func<Task> drop) : IAsyncDisposable
{
    public CaseStoreOptions Options { get; } = options;

    public CaseStoreDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<CaseStoreDbContext>();
        builder.UseCaseStore(Options);
        return new CaseStoreDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync() => await drop();
}
