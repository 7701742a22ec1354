using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Accounts;

internal sealed class SignInCodeMapping : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> builder)
    {
        builder.ToTable("SignInCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Email).HasMaxLength(EmailLength).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(SignInCode.HashLength).IsRequired();
        builder.Property(c => c.RequestedFromIp).HasMaxLength(SignInCode.IpAddressLength).IsRequired();

        // "The latest code for this address" and "codes sent to this address / from this IP lately".
        builder.HasIndex(c => new { c.Email, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.RequestedFromIp, c.CreatedAtUtc });
    }
}
