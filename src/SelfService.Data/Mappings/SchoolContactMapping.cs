using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class SchoolContactMapping : IEntityTypeConfiguration<SchoolContact>
{
    public void Configure(EntityTypeBuilder<SchoolContact> builder)
    {
        builder.ToTable("SchoolContacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(c => c.Role).IsRequired();
        builder.Property(c => c.Active).IsRequired();

        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => c.SchoolId);
        builder.HasIndex(c => c.Email);
    }
}
