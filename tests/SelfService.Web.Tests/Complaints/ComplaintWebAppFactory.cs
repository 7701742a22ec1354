using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Complaints;

/// <summary>The real host with the demo cast seeded and a clock the test moves.</summary>
public sealed class ComplaintWebAppFactory : ClockedWebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:SeedOnFirstRun", "true");
        builder.UseSetting("DemoData:Scale", "Test");
    }

    public DateOnly Today() => Services.GetRequiredService<UkClock>().Today();

    public Mailbox Mail => Mailbox.PickupFolder(this);

    public async Task<T> WithStoreAsync<T>(Func<CaseStoreDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>());
    }
}
