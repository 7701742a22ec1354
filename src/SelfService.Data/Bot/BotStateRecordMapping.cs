using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Bot;

internal sealed class BotStateRecordMapping : IEntityTypeConfiguration<BotStateRecord>
{
    public void Configure(EntityTypeBuilder<BotStateRecord> builder)
    {
        builder.ToTable("BotStates");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(BotStateRecord.KeyLength).ValueGeneratedNever();

        // Unbounded: a dialog stack's size is up to the bot, and a truncated state is a corrupt one.
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.ETag).HasMaxLength(BotStateRecord.ETagLength).IsRequired().IsConcurrencyToken();
    }
}
