using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class StaffMemberMapping : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(s => s.Role).IsRequired();
        builder.Property(s => s.Team).HasMaxLength(NameLength).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(PhoneLength);

        // Staff sign in by their council address, so it identifies one officer.
        builder.HasIndex(s => s.Email).IsUnique();
    }
}
