using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Assessments;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Enquiries;

internal sealed class MemberEnquiryMapping : IEntityTypeConfiguration<MemberEnquiry>
{
    public void Configure(EntityTypeBuilder<MemberEnquiry> builder)
    {
        builder.ToTable("MemberEnquiries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reference).HasMaxLength(ReferenceLength).IsRequired();
        builder.Property(e => e.ChildFirstName).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.ChildLastName).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.ParentName).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.Postcode).HasMaxLength(PostcodeLength).IsRequired();
        builder.Property(e => e.GivenCaseReference).HasMaxLength(ReferenceLength);
        builder.Property(e => e.Concern).HasMaxLength(EnquiryQuestions.ConcernMaxLength).IsRequired();
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(e => e.MatchedCaseReference).HasMaxLength(ReferenceLength);
        builder.Ignore(e => e.HasConsent);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.ChildName);
        builder.Ignore(e => e.NextDueOn);

        builder.HasOne(e => e.Consent).WithOne().HasForeignKey<EnquiryConsent>(c => c.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectedMember>().WithMany().HasForeignKey(e => e.ElectedMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MemberDelegate>().WithMany().HasForeignKey(e => e.LoggedByDelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.AssignedStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(e => e.MatchedCaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(e => e.Reference).IsUnique();

        // "My enquiries", and the inbox sorted by due date.
        builder.HasIndex(e => new { e.ElectedMemberId, e.ReceivedOn });
        builder.HasIndex(e => new { e.Status, e.RespondBy });
        builder.HasIndex(e => e.MatchedCaseId);
    }
}

internal sealed class EnquiryConsentMapping : IEntityTypeConfiguration<EnquiryConsent>
{
    public void Configure(EntityTypeBuilder<EnquiryConsent> builder)
    {
        builder.ToTable("EnquiryConsents");
        builder.HasKey(c => c.EnquiryId);
        builder.Property(c => c.EnquiryId).ValueGeneratedNever();
        builder.Property(c => c.GivenBy).HasMaxLength(NameLength).IsRequired();
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(c => c.EvidenceFileName).HasMaxLength(FullNameLength);
        builder.Property(c => c.EvidenceStoredName).HasMaxLength(NameLength);
    }
}

internal sealed class EnquiryNoteMapping : IEntityTypeConfiguration<EnquiryNote>
{
    public void Configure(EntityTypeBuilder<EnquiryNote> builder)
    {
        builder.ToTable("EnquiryNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(ActorLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(EnquiryQuestions.ConcernMaxLength).IsRequired();
        builder.HasOne<MemberEnquiry>().WithMany().HasForeignKey(n => n.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.EnquiryId, n.AtUtc });
    }
}

internal sealed class EnquiryReplyMapping : IEntityTypeConfiguration<EnquiryReply>
{
    public void Configure(EntityTypeBuilder<EnquiryReply> builder)
    {
        builder.ToTable("EnquiryReplies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SentBy).HasMaxLength(ActorLength).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(EnquiryQuestions.ConcernMaxLength).IsRequired();
        builder.HasOne<MemberEnquiry>().WithMany().HasForeignKey(r => r.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.EnquiryId, r.SentAtUtc });
    }
}

internal sealed class EnquiryHistoryMapping : IEntityTypeConfiguration<EnquiryHistoryEntry>
{
    public void Configure(EntityTypeBuilder<EnquiryHistoryEntry> builder)
    {
        builder.ToTable("EnquiryHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Actor).HasMaxLength(ActorLength).IsRequired();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(h => h.Detail).HasMaxLength(ReasonLength).IsRequired();
        builder.HasOne<MemberEnquiry>().WithMany().HasForeignKey(h => h.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.EnquiryId, h.AtUtc });
    }
}

internal sealed class MemberDelegateMapping : IEntityTypeConfiguration<MemberDelegate>
{
    public void Configure(EntityTypeBuilder<MemberDelegate> builder)
    {
        builder.ToTable("MemberDelegates");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(FullNameLength).IsRequired();
        builder.Property(d => d.Email).HasMaxLength(EmailLength).IsRequired();
        builder.HasOne<ElectedMember>().WithMany().HasForeignKey(d => d.ElectedMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.Email);
        builder.HasIndex(d => d.ElectedMemberId);
    }
}

internal sealed class EnquiryDraftMapping : IEntityTypeConfiguration<EnquiryDraft>
{
    internal static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<EnquiryDraft> builder)
    {
        builder.ToTable("EnquiryDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Answers)
            .HasColumnName("AnswersJson")
            .HasConversion(
                answers => JsonSerializer.Serialize(answers, AnswersJson),
                json => JsonSerializer.Deserialize<EnquiryAnswers>(json, AnswersJson)!,
                new ValueComparer<EnquiryAnswers>(
                    (a, b) => JsonSerializer.Serialize(a, AnswersJson) == JsonSerializer.Serialize(b, AnswersJson),
                    a => JsonSerializer.Serialize(a, AnswersJson).GetHashCode(StringComparison.Ordinal),
                    a => a))
            .IsRequired();
        builder.Property(d => d.EnquiryReference).HasMaxLength(ReferenceLength);
        builder.HasIndex(d => d.AccountId);
    }
}

internal sealed class EnquiryReferenceCounterMapping : IEntityTypeConfiguration<EnquiryReferenceCounter>
{
    public void Configure(EntityTypeBuilder<EnquiryReferenceCounter> builder)
    {
        builder.ToTable("EnquiryReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastNumber).IsRequired();
    }
}
