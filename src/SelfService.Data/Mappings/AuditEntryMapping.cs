using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Data.Storage;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Actor).HasMaxLength(ActorLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(NameLength).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(NameLength).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(NameLength).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(ReasonLength);

        builder.HasIndex(a => new { a.CaseId, a.AtUtc });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
