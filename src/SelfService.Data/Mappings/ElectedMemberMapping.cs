using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class ElectedMemberMapping : IEntityTypeConfiguration<ElectedMember>
{
    public void Configure(EntityTypeBuilder<ElectedMember> builder)
    {
        builder.ToTable("ElectedMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(m => m.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(m => m.Area).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(m => m.Party).HasMaxLength(NameLength);

        builder.HasIndex(m => m.Email);
    }
}
