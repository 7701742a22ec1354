using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class EhcPlanMapping : IEntityTypeConfiguration<EhcPlan>
{
    public void Configure(EntityTypeBuilder<EhcPlan> builder)
    {
        builder.ToTable("EhcPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reference).HasMaxLength(ReferenceLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.CurrentReview);
        builder.Ignore(p => p.LastReviewMeetingOn);
        builder.Ignore(p => p.IsAwaitingCessation);

        builder.ComplexProperty(p => p.PhaseTransfer, transfer =>
        {
            transfer.Property(t => t.Kind).HasColumnName("PhaseTransferKind");
            transfer.Property(t => t.TransferYear).HasColumnName("PhaseTransferYear");
        });

        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(p => p.AssessmentCaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.NamedSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.CaseworkerId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => p.ChildId);
    }
}
