using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class ChildMapping : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        builder.ToTable("Children");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FirstName).HasMaxLength(NameLength).IsRequired();
        builder.Property(c => c.LastName).HasMaxLength(NameLength).IsRequired();
        builder.Property(c => c.KnownAs).HasMaxLength(NameLength);
        builder.Property(c => c.Postcode).HasMaxLength(PostcodeLength).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(EmailLength);
        builder.Ignore(c => c.DisplayName);

        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.SetNull);

        // Staff find a child by surname and date of birth when a family calls.
        builder.HasIndex(c => new { c.LastName, c.DateOfBirth });
        builder.HasIndex(c => c.Email);
    }
}
