using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class AssessmentCaseMapping : IEntityTypeConfiguration<AssessmentCase>
{
    public void Configure(EntityTypeBuilder<AssessmentCase> builder)
    {
        builder.ToTable("AssessmentCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(ReferenceLength).IsRequired();
        builder.Property(c => c.Requester).IsRequired();
        // The same default as the migration gives the cases stored before routes were recorded.
        builder.Property(c => c.Route).IsRequired().HasDefaultValue(RequestRoute.Portal);
        builder.Property(c => c.Stage).IsRequired();

        // The domain bumps Version on every change; a stale copy then updates no row.
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsClosed);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.CaseworkerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.RequestingSchoolId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => c.ChildId);
        builder.HasIndex(c => c.Stage);
        builder.HasIndex(c => c.RequestReceivedOn);
    }
}
