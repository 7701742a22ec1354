using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Accounts;

internal sealed class UserAccountMapping : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("UserAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(UserAccount.DisplayNameLength);
        builder.Property(a => a.CreatedAtUtc).IsRequired();
        builder.HasIndex(a => a.Email).IsUnique();
    }
}
