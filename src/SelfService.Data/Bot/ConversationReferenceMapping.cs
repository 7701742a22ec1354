using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Bot;

internal sealed class ConversationReferenceMapping : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public const string TableName = "ConversationReferences";

    /// <summary>Channel user ids (Teams "29:…", Direct Line "dl_…") are opaque and can be long.</summary>
    public const int UserIdLength = 256;

    public const int ChannelIdLength = 64;

    /// <summary>Teams conversation ids run to a few hundred characters.</summary>
    public const int ConversationIdLength = 512;

    public const int ServiceUrlLength = 2048;

    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => new { r.UserId, r.ChannelId });
        builder.Property(r => r.UserId).HasMaxLength(UserIdLength);
        builder.Property(r => r.ChannelId).HasMaxLength(ChannelIdLength);
        builder.Property(r => r.ConversationId).HasMaxLength(ConversationIdLength).IsRequired();
        builder.Property(r => r.ServiceUrl).HasMaxLength(ServiceUrlLength).IsRequired();
        builder.Property(r => r.ReferenceJson).IsRequired();
        builder.Property(r => r.UpdatedAtUtc).IsRequired();
    }
}
