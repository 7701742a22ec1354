using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Complaints;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Complaints;

internal sealed class ComplaintMapping : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(ReferenceLength).IsRequired();
        builder.Property(c => c.ComplainantEmail).HasMaxLength(EmailLength).IsRequired();
        builder.Property(c => c.ComplainantName).HasMaxLength(FullNameLength).IsRequired();
        // Names, not numbers, as everywhere else in the store (StorageConventions).
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(EnumLength).IsRequired();
        builder.Property(c => c.Stage1Outcome).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Stage2Outcome).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.OmbudsmanOutcome).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.CaseReference).HasMaxLength(ReferenceLength);
        builder.Property(c => c.ConstituentName).HasMaxLength(FullNameLength);
        builder.Property(c => c.ConstituentConsent).HasMaxLength(ReasonLength);
        builder.Property(c => c.WhatWentWrong).HasMaxLength(Complaint.MaxTextLength).IsRequired();
        builder.Property(c => c.PutRight).HasMaxLength(Complaint.MaxTextLength).IsRequired();
        builder.Property(c => c.Stage1ExtensionReason).HasMaxLength(ReasonLength);
        builder.Property(c => c.Stage1Remedy).HasMaxLength(Complaint.MaxTextLength);
        builder.Property(c => c.Stage1Response).HasMaxLength(Complaint.MaxTextLength);
        builder.Property(c => c.Stage2Reason).HasMaxLength(Complaint.MaxTextLength);
        builder.Property(c => c.Stage2Remedy).HasMaxLength(Complaint.MaxTextLength);
        builder.Property(c => c.Stage2Response).HasMaxLength(Complaint.MaxTextLength);
        builder.Property(c => c.OmbudsmanReference).HasMaxLength(NameLength);
        builder.Property(c => c.OmbudsmanRemedy).HasMaxLength(Complaint.MaxTextLength);
        builder.Ignore(c => c.Stage);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.Stage1TargetRespondBy);

        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => c.ComplainantAccountId);
        builder.HasIndex(c => new { c.Status, c.NextDueOn });
    }
}

internal sealed class ComplaintReferenceCounterMapping : IEntityTypeConfiguration<ComplaintReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintReferenceCounter> builder)
    {
        builder.ToTable("ComplaintReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastNumber).IsRequired();
    }
}
