using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Data.Storage;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public const string PendingIndex = "IX_OutboxMessages_Pending";

    /// <summary>Quoted identically by SQLite and PostgreSQL, so one filter serves both.</summary>
    public const string PendingFilter = "\"SentAtUtc\" IS NULL";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(NameLength).IsRequired();
        builder.Property(m => m.Recipient).HasMaxLength(EmailLength);
        builder.Property(m => m.Subject).HasMaxLength(FullNameLength);

        // Unbounded on purpose: the body is whatever the message template renders, and a
        // truncated notification is worse than a large row.
        builder.Property(m => m.PayloadJson).IsRequired();
        builder.Property(m => m.LockedBy).HasMaxLength(ActorLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Ignore(m => m.IsPending);

        // Sent messages are most of the table and never looked at by the worker.
        builder.HasIndex(m => m.NextAttemptAtUtc).HasDatabaseName(PendingIndex).HasFilter(PendingFilter);
    }
}
