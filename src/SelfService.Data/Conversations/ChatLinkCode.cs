using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Conversations;

/// <summary>
/// A 6-digit code a signed-in account holder asked for, to prove in another channel that they
/// are that account. Only its hash is kept; it works once, within its lifetime.
/// </summary>
public sealed class ChatLinkCode
{
    public ChatLinkCode(Guid id, Guid accountId, string codeHash, DateTime createdAtUtc, DateTime expiresAtUtc)
    {
        Id = id;
        AccountId = accountId;
        CodeHash = codeHash;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the code (see <see cref="ChatLinks.Hash"/>).</summary>
    public string CodeHash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? UsedAtUtc { get; private set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;

    public void Use(DateTime nowUtc) => UsedAtUtc = nowUtc;
}

/// <summary>A wrong code typed by one channel user, counted to stop guessing.</summary>
public sealed class ChatLinkFailure
{
    public ChatLinkFailure(Guid id, string channelId, string channelUserId, DateTime atUtc)
    {
        Id = id;
        ChannelId = channelId;
        ChannelUserId = channelUserId;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public string ChannelId { get; private set; }

    public string ChannelUserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

internal sealed class ChatLinkCodeMapping : IEntityTypeConfiguration<ChatLinkCode>
{
    public const string TableName = "ChatLinkCodes";
    public const int HashLength = 64;

    public void Configure(EntityTypeBuilder<ChatLinkCode> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AccountId).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(HashLength).IsRequired();
        builder.Property(c => c.CreatedAtUtc).IsRequired();
        builder.Property(c => c.ExpiresAtUtc).IsRequired();
        builder.HasIndex(c => c.CodeHash).HasDatabaseName("IX_ChatLinkCodes_CodeHash");
        builder.HasIndex(c => c.AccountId).HasDatabaseName("IX_ChatLinkCodes_AccountId");
    }
}

internal sealed class ChatLinkFailureMapping : IEntityTypeConfiguration<ChatLinkFailure>
{
    public const string TableName = "ChatLinkFailures";

    public void Configure(EntityTypeBuilder<ChatLinkFailure> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ChannelId).HasMaxLength(ChatIdentityLinkMapping.ChannelIdLength).IsRequired();
        builder.Property(f => f.ChannelUserId).HasMaxLength(ChatIdentityLinkMapping.ChannelUserIdLength).IsRequired();
        builder.Property(f => f.AtUtc).IsRequired();
        builder.HasIndex(f => new { f.ChannelId, f.ChannelUserId, f.AtUtc }).HasDatabaseName("IX_ChatLinkFailures_ChannelId_ChannelUserId_AtUtc");
    }
}
