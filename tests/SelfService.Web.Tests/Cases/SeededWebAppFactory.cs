using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Domain.Assessments;
using SelfService.Domain.Plans;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Cases;

/// <summary>The real host with the Test-scale demo data (the named cast) seeded at first start, and a clock tests can move on.</summary>
public class SeededWebAppFactory : WebAppFactory
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public MovableTime Time { get; } = new();

    /// <summary>
    /// A client signed in as <paramref name="email"/> through the real sign-in pages, once per
    /// address for the fixture: the sign-in limits allow only a few codes per address.
    /// </summary>
    public Task<HttpClient> ClientForAsync(string email) =>
        _clients.GetOrAdd(email, address => new Lazy<Task<HttpClient>>(() => PortalSignIn.SignInAsync(this, address))).Value;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
            {
                client.Value.Result.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:SeedOnFirstRun", "true");
        builder.UseSetting("DemoData:Scale", "Test");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public DateOnly Today() => Services.GetRequiredService<UkClock>().Today();

    public async Task<AssessmentCase> LoadCaseAsync(Guid caseId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().AssessmentCases.AsNoTracking().WithEvents().SingleAsync(c => c.Id == caseId);
    }

    public async Task<EhcPlan> LoadPlanAsync(Guid planId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().EhcPlans.AsNoTracking().WithReviews().SingleAsync(p => p.Id == planId);
    }

    public async Task<T> WithStoreAsync<T>(Func<CaseStoreDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>());
    }
}

/// <summary>The system clock, moved on by <see cref="Offset"/>: demo data is seeded "now", then tests step past deadlines.</summary>
public sealed class MovableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
