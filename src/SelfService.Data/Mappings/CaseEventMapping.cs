using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Domain.Assessments;
using static SelfService.Data.Mappings.StorageConventions;

namespace SelfService.Data.Mappings;

/// <summary>
/// All events of a case live in one table (TPH): the history is always read whole and in order,
/// and a new kind of event is a new discriminator value rather than a new table.
/// </summary>
internal sealed class CaseEventMapping : IEntityTypeConfiguration<CaseEvent>
{
    public const string DiscriminatorColumn = "Type";

    /// <summary>Sibling events with a reason share one column instead of one each.</summary>
    public const string ReasonColumn = "Reason";

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RecordedBy).HasMaxLength(ActorLength).IsRequired();

        builder.HasDiscriminator<string>(DiscriminatorColumn)
            .HasValue<RequestReceived>("requestReceived")
            .HasValue<DecisionToAssess>("decisionToAssess")
            .HasValue<AdviceRequested>("adviceRequested")
            .HasValue<AdviceReceived>("adviceReceived")
            .HasValue<ExceptionApplied>("exceptionApplied")
            .HasValue<ExceptionEnded>("exceptionEnded")
            .HasValue<DecisionToIssue>("decisionToIssue")
            .HasValue<DraftPlanServed>("draftPlanServed")
            .HasValue<RepresentationsReceived>("representationsReceived")
            .HasValue<FinalPlanIssued>("finalPlanIssued")
            .HasValue<RequestWithdrawn>("requestWithdrawn")
            .IsComplete();
        builder.Property<string>(DiscriminatorColumn).HasMaxLength(EnumLength);

        // Two events claiming the same place in a history means two writers raced.
        builder.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
    }
}

internal sealed class RequestReceivedMapping : IEntityTypeConfiguration<RequestReceived>
{
    public void Configure(EntityTypeBuilder<RequestReceived> builder)
    {
        builder.Property(e => e.Requester);
        builder.Property(e => e.Route);
    }
}

internal sealed class DecisionToAssessMapping : IEntityTypeConfiguration<DecisionToAssess>
{
    public void Configure(EntityTypeBuilder<DecisionToAssess> builder) =>
        builder.Property(e => e.Reason).HasColumnName(CaseEventMapping.ReasonColumn).HasMaxLength(ReasonLength);
}

internal sealed class AdviceRequestedMapping : IEntityTypeConfiguration<AdviceRequested>
{
    public void Configure(EntityTypeBuilder<AdviceRequested> builder)
    {
        builder.Property(e => e.AdviserName).HasMaxLength(FullNameLength);
        builder.Ignore(e => e.DueOn);
    }
}

internal sealed class ExceptionAppliedMapping : IEntityTypeConfiguration<ExceptionApplied>
{
    public void Configure(EntityTypeBuilder<ExceptionApplied> builder) =>
        builder.Property(e => e.Reason).HasColumnName(CaseEventMapping.ReasonColumn).HasMaxLength(ReasonLength);
}

internal sealed class DecisionToIssueMapping : IEntityTypeConfiguration<DecisionToIssue>
{
    public void Configure(EntityTypeBuilder<DecisionToIssue> builder) =>
        builder.Property(e => e.Reason).HasColumnName(CaseEventMapping.ReasonColumn).HasMaxLength(ReasonLength);
}

internal sealed class RepresentationsReceivedMapping : IEntityTypeConfiguration<RepresentationsReceived>
{
    public void Configure(EntityTypeBuilder<RepresentationsReceived> builder) =>
        builder.Property(e => e.Summary).HasMaxLength(ReasonLength);
}

internal sealed class RequestWithdrawnMapping : IEntityTypeConfiguration<RequestWithdrawn>
{
    public void Configure(EntityTypeBuilder<RequestWithdrawn> builder) =>
        builder.Property(e => e.Reason).HasColumnName(CaseEventMapping.ReasonColumn).HasMaxLength(ReasonLength);
}
