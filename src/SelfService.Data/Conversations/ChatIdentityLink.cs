using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Conversations;

/// <summary>
/// A channel identity (a Teams user, say) proved to belong to a portal account by a one-time
/// code the account's holder typed in that channel. Only this row lets a channel user see cases.
/// </summary>
public sealed class ChatIdentityLink
{
    public ChatIdentityLink(string channelId, string channelUserId, Guid accountId, DateTime linkedAtUtc)
    {
        ChannelId = channelId;
        ChannelUserId = channelUserId;
        AccountId = accountId;
        LinkedAtUtc = linkedAtUtc;
    }

    public string ChannelId { get; private set; }

    public string ChannelUserId { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTime LinkedAtUtc { get; private set; }

    public void Relink(Guid accountId, DateTime linkedAtUtc)
    {
        AccountId = accountId;
        LinkedAtUtc = linkedAtUtc;
    }
}

internal sealed class ChatIdentityLinkMapping : IEntityTypeConfiguration<ChatIdentityLink>
{
    public const string TableName = "ChatIdentityLinks";
    public const int ChannelIdLength = 64;
    public const int ChannelUserIdLength = 256;

    public void Configure(EntityTypeBuilder<ChatIdentityLink> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(l => new { l.ChannelId, l.ChannelUserId });
        builder.Property(l => l.ChannelId).HasMaxLength(ChannelIdLength);
        builder.Property(l => l.ChannelUserId).HasMaxLength(ChannelUserIdLength);
        builder.Property(l => l.AccountId).IsRequired();
        builder.Property(l => l.LinkedAtUtc).IsRequired();
        builder.HasIndex(l => l.AccountId).HasDatabaseName("IX_ChatIdentityLinks_AccountId");
    }
}
