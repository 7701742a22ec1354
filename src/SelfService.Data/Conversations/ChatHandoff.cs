using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Conversations;

/// <summary>
/// "Talk to a person": a chat user's request for a caseworker, with the conversation so far, so
/// nobody has to ask them to repeat it. The caseworker (or the SEND team) is emailed through the outbox.
/// </summary>
public sealed class ChatHandoff
{
    public const int ReferenceLength = 16;
    public const int RecipientLength = 320;
    public const int MaxTranscriptLength = 20_000;

    public ChatHandoff(Guid id, string reference, Guid accountId, Guid? caseId, string channelId, string recipient, string transcript, DateTime createdAtUtc)
    {
        Id = id;
        Reference = reference;
        AccountId = accountId;
        CaseId = caseId;
        ChannelId = channelId;
        Recipient = recipient;
        Transcript = transcript.Length > MaxTranscriptLength ? transcript[^MaxTranscriptLength..] : transcript;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>"MSG-" and 8 letters and digits, quoted to the user.</summary>
    public string Reference { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>The case the user asked about, when there was one (and they may see it).</summary>
    public Guid? CaseId { get; private set; }

    public string ChannelId { get; private set; }

    /// <summary>The address the message went to: the caseworker, or the SEND team.</summary>
    public string Recipient { get; private set; }

    public string Transcript { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

internal sealed class ChatHandoffMapping : IEntityTypeConfiguration<ChatHandoff>
{
    public const string TableName = "ChatHandoffs";

    public void Configure(EntityTypeBuilder<ChatHandoff> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Reference).HasMaxLength(ChatHandoff.ReferenceLength).IsRequired();
        builder.HasIndex(h => h.Reference).IsUnique().HasDatabaseName("IX_ChatHandoffs_Reference");
        builder.Property(h => h.AccountId).IsRequired();
        builder.Property(h => h.ChannelId).HasMaxLength(ChatIdentityLinkMapping.ChannelIdLength).IsRequired();
        builder.Property(h => h.Recipient).HasMaxLength(ChatHandoff.RecipientLength).IsRequired();
        builder.Property(h => h.Transcript).IsRequired();
        builder.Property(h => h.CreatedAtUtc).IsRequired();
        builder.HasIndex(h => h.CaseId).HasDatabaseName("IX_ChatHandoffs_CaseId");
    }
}
