using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Accounts;

internal sealed class StaffIdentityMapping : IEntityTypeConfiguration<StaffIdentity>
{
    public void Configure(EntityTypeBuilder<StaffIdentity> builder)
    {
        builder.ToTable("StaffIdentities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Issuer).HasMaxLength(StaffIdentity.IssuerLength).IsRequired();
        builder.Property(i => i.Subject).HasMaxLength(StaffIdentity.SubjectLength).IsRequired();

        // One person at one provider is one account, and an account has one identity per provider.
        builder.HasIndex(i => new { i.Issuer, i.Subject }).IsUnique();
        builder.HasIndex(i => new { i.UserAccountId, i.Issuer }).IsUnique();
    }
}
