using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Requests;

internal sealed class RequestDraftMapping : IEntityTypeConfiguration<RequestDraft>
{
    /// <summary>Enum names, not numbers, in the stored answers, as everywhere else in the store.</summary>
    internal static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<RequestDraft> builder)
    {
        builder.ToTable("RequestDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();

        // The answers are one document: they change together, are read together, and are never
        // queried by field, so a JSON column keeps the schema still as questions evolve.
        builder.Property(d => d.Answers)
            .HasColumnName("AnswersJson")
            .HasConversion(
                answers => JsonSerializer.Serialize(answers, AnswersJson),
                json => JsonSerializer.Deserialize<RequestAnswers>(json, AnswersJson) ?? RequestAnswers.Empty,
                new ValueComparer<RequestAnswers>(
                    (a, b) => JsonSerializer.Serialize(a, AnswersJson) == JsonSerializer.Serialize(b, AnswersJson),
                    a => JsonSerializer.Serialize(a, AnswersJson).GetHashCode(StringComparison.Ordinal),
                    a => a))
            .IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.CaseReference).HasMaxLength(ReferenceLength);
        builder.Ignore(d => d.IsSubmitted);

        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);

        // "Your requests": one account's drafts.
        builder.HasIndex(d => d.AccountId);

        // A draft becomes at most one case, and a case comes from at most one draft.
        builder.HasIndex(d => d.CaseId).IsUnique();
    }
}

internal sealed class RequestDocumentMapping : IEntityTypeConfiguration<RequestDocument>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.ToTable("RequestDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(RequestDocument.FileNameLength).IsRequired();
        builder.Property(d => d.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.ScanStatus).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(d => d.ScanDetail).HasMaxLength(200);
        builder.Ignore(d => d.IsShareable);

        builder.HasOne<RequestDraft>().WithMany().HasForeignKey(d => d.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.DraftId);
        builder.HasIndex(d => d.CaseId);
    }
}

internal sealed class CaseReferenceCounterMapping : IEntityTypeConfiguration<CaseReferenceCounter>
{
    public void Configure(EntityTypeBuilder<CaseReferenceCounter> builder)
    {
        builder.ToTable("CaseReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastNumber).IsRequired();
    }
}
