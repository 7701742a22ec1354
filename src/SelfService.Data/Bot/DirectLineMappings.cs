using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Bot;

internal static class DirectLineColumns
{
    public const int IdLength = 64;

    /// <summary>Channel user ids are opaque strings; Azure's are up to 128 characters.</summary>
    public const int UserIdLength = 128;

    public const int UserNameLength = 200;

    public const int FileNameLength = 255;

    public const int ContentTypeLength = 255;
}

internal sealed class DirectLineConversationMapping : IEntityTypeConfiguration<DirectLineConversationRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineConversationRecord> builder)
    {
        builder.ToTable("DirectLineConversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(DirectLineColumns.IdLength).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(DirectLineColumns.UserIdLength).IsRequired();
        builder.Property(c => c.UserName).HasMaxLength(DirectLineColumns.UserNameLength);

        // The retention purge looks for idle conversations.
        builder.HasIndex(c => c.LastActivityAtUtc);
    }
}

internal sealed class DirectLineActivityMapping : IEntityTypeConfiguration<DirectLineActivityRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineActivityRecord> builder)
    {
        builder.ToTable("DirectLineActivities");

        // The key makes a sequence number unique within its conversation, whatever the writers do.
        builder.HasKey(a => new { a.ConversationId, a.Sequence });
        builder.Property(a => a.ConversationId).HasMaxLength(DirectLineColumns.IdLength);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.Json).IsRequired();
        builder.HasOne<DirectLineConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectLineAttachmentMapping : IEntityTypeConfiguration<DirectLineAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineAttachmentRecord> builder)
    {
        builder.ToTable("DirectLineAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(DirectLineColumns.IdLength).ValueGeneratedNever();
        builder.Property(a => a.ConversationId).HasMaxLength(DirectLineColumns.IdLength).IsRequired();
        builder.Property(a => a.Name).HasMaxLength(DirectLineColumns.FileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(DirectLineColumns.ContentTypeLength).IsRequired();
        builder.Property(a => a.Content).IsRequired();
        builder.HasOne<DirectLineConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
