using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Web.Hosting;

namespace SelfService.Web.Tests;

public sealed class DemoDataStartupTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task First_run_seeds_the_demo_cast_and_a_restart_does_not_seed_again()
    {
        int children;
        await using (var first = Seeding(_factory))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            var sam = await db.Children.SingleAsync(c => c.KnownAs == "Sam");
            Assert.Equal("Carter", sam.LastName);
            var samsCase = await db.AssessmentCases.SingleAsync(c => c.ChildId == sam.Id);
            Assert.False(samsCase.IsClosed);
            Assert.True(await db.ParentCarers.AnyAsync(p => p.Email == "helen.carter@example.com"));
            children = await db.Children.CountAsync();
            Assert.True(children > 100, $"expected a generated authority around the cast, got {children} children");
        }

        await using var restarted = Seeding(_factory);
        await using var again = restarted.Services.CreateAsyncScope();
        Assert.Equal(children, await again.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Children.CountAsync());
    }

    [Fact]
    public async Task The_seed_command_fills_an_empty_store_once_and_refuses_a_second_time()
    {
        using var output = new StringWriter();
        var services = _factory.Services;

        var first = await DemoDataCommand.RunAsync(services, ["seed", "--scale", "test", "--random-seed", "7"], output, CancellationToken.None);
        var second = await DemoDataCommand.RunAsync(services, ["seed", "--scale", "test"], output, CancellationToken.None);

        Assert.Equal(0, first);
        Assert.Equal(1, second);
        Assert.Contains("random seed 7", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("already holds data", output.ToString(), StringComparison.Ordinal);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var samsReference = DemoCast.SamCaseReference(services.GetRequiredService<UkClock>().Today());
        Assert.True(await db.AssessmentCases.AnyAsync(c => c.Reference == samsReference), $"{samsReference} was seeded");
        Assert.True(await db.CaseEvents.OfType<RequestReceived>().CountAsync() > 100);
    }

    [Theory]
    [InlineData("--scale", "county")]
    [InlineData("--random-seed", "abc")]
    [InlineData("--scale")]
    [InlineData("national")]
    public async Task The_seed_command_explains_bad_options_and_stores_nothing(params string[] options)
    {
        using var output = new StringWriter();

        var exitCode = await DemoDataCommand.RunAsync(_factory.Services, ["seed", .. options], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: seed", output.ToString(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.True(await DemoDataSeeder.IsEmptyAsync(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>()));
    }

    private static WebApplicationFactory<Program> Seeding(WebAppFactory factory) =>
        factory.WithWebHostBuilder(b => b.UseSetting("DemoData:SeedOnFirstRun", "true").UseSetting("DemoData:Scale", "Test"));
}
