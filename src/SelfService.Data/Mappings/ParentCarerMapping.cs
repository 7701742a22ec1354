using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class ParentCarerMapping : IEntityTypeConfiguration<ParentCarer>
{
    public void Configure(EntityTypeBuilder<ParentCarer> builder)
    {
        builder.ToTable("ParentCarers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FirstName).HasMaxLength(NameLength).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(NameLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(PhoneLength);
        builder.Property(p => p.Postcode).HasMaxLength(PostcodeLength).IsRequired();
        builder.Ignore(p => p.DisplayName);

        // Not unique: two carers in one household may share an address.
        builder.HasIndex(p => p.Email);
    }
}
