using Microsoft.EntityFrameworkCore;
using SelfService.Data.Mappings;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data;

/// <summary>The case store: people, assessment cases with their events, plans with their reviews, audit and outbox.</summary>
public sealed class CaseStoreDbContext(DbContextOptions<CaseStoreDbContext> options) : DbContext(options)
{
    public DbSet<School> Schools => Set<School>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<ParentCarer> ParentCarers => Set<ParentCarer>();

    public DbSet<ChildParent> ChildParents => Set<ChildParent>();

    public DbSet<SchoolContact> SchoolContacts => Set<SchoolContact>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<ElectedMember> ElectedMembers => Set<ElectedMember>();

    public DbSet<AssessmentCase> AssessmentCases => Set<AssessmentCase>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<EhcPlan> EhcPlans => Set<EhcPlan>();

    public DbSet<AnnualReview> AnnualReviews => Set<AnnualReview>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        StorageConventions.Apply(configurationBuilder, Database.IsSqlite());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseStoreDbContext).Assembly);
}
