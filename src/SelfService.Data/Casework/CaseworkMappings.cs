using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Data.Requests;
using SelfService.Domain.Assessments;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Casework;

internal sealed class CaseDocumentMapping : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("CaseDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(RequestDocument.FileNameLength).IsRequired();
        builder.Property(d => d.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.ScanStatus).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(d => d.UploadedBy).HasMaxLength(300).IsRequired();
        builder.Ignore(d => d.IsShareable);
        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseId);
    }
}

internal sealed class AdviceInvitationMapping : IEntityTypeConfiguration<AdviceInvitation>
{
    public void Configure(EntityTypeBuilder<AdviceInvitation> builder)
    {
        builder.ToTable("AdviceInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.AdviserEmail).HasMaxLength(254).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Ignore(i => i.ExpiresOn);
        builder.HasOne<AssessmentCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CaseId);
    }
}
