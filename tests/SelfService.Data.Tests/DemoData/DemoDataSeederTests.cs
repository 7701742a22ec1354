using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Data.DemoData;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;

namespace SelfService.Data.Tests.DemoData;

/// <summary>Seeding a real, migrated database on each provider, then reading it back through EF.</summary>
public abstract class DemoDataSeederTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task A_new_database_is_empty_and_a_seeded_one_is_not()
    {
        await using var scratch = await MigratedScratchAsync();
        await using var db = scratch.NewContext();

        Assert.True(await DemoDataSeeder.IsEmptyAsync(db));
        await DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, 5);
        Assert.False(await DemoDataSeeder.IsEmptyAsync(db));
    }

    [Fact]
    public async Task Seeding_stores_exactly_what_was_generated_and_it_loads_back_through_the_model()
    {
        await using var scratch = await MigratedScratchAsync();
        var generated = new DemoDataGenerator(DemoScale.Test, Today, 5).Generate().Single();

        DemoDataSummary summary;
        await using (var db = scratch.NewContext())
        {
            summary = await DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, 5);
        }

        Assert.Equal(generated.Summarise(), summary);
        await using (var db = scratch.NewContext())
        {
            Assert.Equal(summary, await CountAsync(db, summary.PlansInPlace));
            Assert.Equal(summary.PlansInPlace, await db.EhcPlans.CountAsync(p => p.CeasedOn == null));

            // Every value survives the round trip: enums, dates, UTC instants, discriminators, the optional phase transfer.
            var samStored = await db.AssessmentCases.Include(c => c.Events).SingleAsync(c => c.Id == DemoCast.SamCaseId);
            var samGenerated = generated.AssessmentCases.Single(c => c.Id == DemoCast.SamCaseId);
            Assert.Equal(DemoDataFingerprint.Describe(samGenerated), DemoDataFingerprint.Describe(samStored));
            Assert.Equal(
                samGenerated.Events.Select(DemoDataFingerprint.Describe),
                samStored.Events.OrderBy(e => e.Sequence).Select(DemoDataFingerprint.Describe));

            var plansStored = await db.EhcPlans.Include(p => p.Reviews).ToListAsync();
            Assert.Equal(
                generated.EhcPlans.Select(DemoDataFingerprint.Describe).Order(StringComparer.Ordinal),
                plansStored.Select(DemoDataFingerprint.Describe).Order(StringComparer.Ordinal));
            Assert.Equal(
                generated.EhcPlans.SelectMany(p => p.Reviews).Select(DemoDataFingerprint.Describe).Order(StringComparer.Ordinal),
                plansStored.SelectMany(p => p.Reviews).Select(DemoDataFingerprint.Describe).Order(StringComparer.Ordinal));

            var exceptions = await db.CaseEvents.OfType<ExceptionApplied>().CountAsync();
            Assert.Equal(generated.AssessmentCases.Sum(c => c.Events.OfType<ExceptionApplied>().Count()), exceptions);
            Assert.Equal(DemoCast.ParentName, (await db.ParentCarers.SingleAsync(p => p.Email == DemoCast.ParentEmail)).DisplayName);
        }
    }

    [Fact]
    public async Task Seeding_a_database_that_holds_data_is_refused_and_changes_nothing()
    {
        await using var scratch = await MigratedScratchAsync();
        DemoDataSummary first;
        await using (var db = scratch.NewContext())
        {
            first = await DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, 5);
        }

        await using (var db = scratch.NewContext())
        {
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, 6));
            Assert.Contains("already holds data", refusal.Message, StringComparison.Ordinal);
        }

        await using (var db = scratch.NewContext())
        {
            Assert.Equal(first, await CountAsync(db, first.PlansInPlace));
        }
    }

    [Fact]
    public async Task A_single_existing_row_is_enough_to_refuse()
    {
        await using var scratch = await MigratedScratchAsync();
        await using var db = scratch.NewContext();
        db.StaffMembers.Add(new Domain.People.StaffMember(Guid.NewGuid(), "A Officer", "a.officer@council.example.org", Domain.People.StaffRole.Caseworker, "South"));
        await db.SaveChangesAsync();

        Assert.False(await DemoDataSeeder.IsEmptyAsync(db));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, 5));
        Assert.Equal(0, await db.Schools.CountAsync());
    }

    [Fact]
    public async Task Leeds_scale_seeds_and_reads_back()
    {
        await using var scratch = await MigratedScratchAsync();
        DemoDataSummary summary;
        await using (var db = scratch.NewContext())
        {
            summary = await DemoDataSeeder.SeedAsync(db, DemoScale.Leeds, Today, 20260302);
        }

        await using (var db = scratch.NewContext())
        {
            Assert.Equal(summary, await CountAsync(db, summary.PlansInPlace));
            Assert.InRange(await db.EhcPlans.CountAsync(p => p.CeasedOn == null), 6_500, 7_500);
            Assert.InRange(await db.Schools.CountAsync(), 190, 210);
            Assert.True(await db.AssessmentCases.CountAsync(c => c.Stage == CaseStage.AwaitingDecisionToAssess) > 50);
            var sam = await db.AssessmentCases.SingleAsync(c => c.Reference == DemoCast.SamCaseReference(Today));
            Assert.Equal(DemoCast.SamChildId, sam.ChildId);
        }
    }

    private async Task<ScratchDatabase> MigratedScratchAsync()
    {
        var scratch = await database.CreateScratchAsync();
        await using var db = scratch.NewContext();
        await new CaseStoreMigrator(db, NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        return scratch;
    }

    private static async Task<DemoDataSummary> CountAsync(CaseStoreDbContext db, int plansInPlace) => new(
        Schools: await db.Schools.CountAsync(),
        SchoolContacts: await db.SchoolContacts.CountAsync(),
        StaffMembers: await db.StaffMembers.CountAsync(),
        ElectedMembers: await db.ElectedMembers.CountAsync(),
        Children: await db.Children.CountAsync(),
        ParentCarers: await db.ParentCarers.CountAsync(),
        ChildParents: await db.ChildParents.CountAsync(),
        AssessmentCases: await db.AssessmentCases.CountAsync(),
        CaseEvents: await db.CaseEvents.CountAsync(),
        EhcPlans: await db.EhcPlans.CountAsync(),
        PlansInPlace: plansInPlace,
        AnnualReviews: await db.AnnualReviews.CountAsync());
}

public sealed class SqliteDemoDataSeederTests(SqliteTestDatabase database) : DemoDataSeederTests<SqliteTestDatabase>(database);

public sealed class PostgresDemoDataSeederTests(PostgresTestDatabase database) : DemoDataSeederTests<PostgresTestDatabase>(database);
