using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;

namespace SelfService.Data.Mappings;

internal sealed class ChildParentMapping : IEntityTypeConfiguration<ChildParent>
{
    public void Configure(EntityTypeBuilder<ChildParent> builder)
    {
        builder.ToTable("ChildParents");
        builder.HasKey(l => new { l.ChildId, l.ParentCarerId });
        builder.Property(l => l.Relationship).IsRequired();

        builder.HasOne<Child>().WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParentCarer>().WithMany().HasForeignKey(l => l.ParentCarerId).OnDelete(DeleteBehavior.Cascade);

        // "Which children may this signed-in parent see?"
        builder.HasIndex(l => l.ParentCarerId);
    }
}
