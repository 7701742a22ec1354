using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class SchoolMapping : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.ToTable("Schools");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Urn).HasMaxLength(7).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(s => s.Phase).IsRequired();
        builder.Property(s => s.Postcode).HasMaxLength(PostcodeLength).IsRequired();

        builder.HasIndex(s => s.Urn).IsUnique();
        builder.HasIndex(s => s.Name);
    }
}
