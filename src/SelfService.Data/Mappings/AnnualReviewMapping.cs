using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Plans;

namespace SelfService.Data.Mappings;

internal sealed class AnnualReviewMapping : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> builder)
    {
        builder.ToTable("AnnualReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.IsComplete);
        builder.Property(r => r.AmendmentsSummary).HasMaxLength(StorageConventions.ReasonLength);

        // The review caseload: "which reviews fall due in the next term?"
        builder.HasIndex(r => r.DueBy);
        builder.HasIndex(r => r.PlanId);
    }
}
