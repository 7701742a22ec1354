using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfService.Data.Mappings;
using SelfService.Domain.Assessments;
using SelfService.Domain.Plans;

namespace SelfService.Data.Performance;

/// <summary>
/// Indexes the dashboard's range queries need at national scale (migration
/// 20261122000015_AddPerformanceIndexes): each figure reads one period's worth of rows, found by
/// the date the step happened, instead of scanning every case or event.
/// </summary>
internal sealed class PerformanceCaseIndexes : IEntityTypeConfiguration<AssessmentCase>
{
    public void Configure(EntityTypeBuilder<AssessmentCase> builder)
    {
        builder.HasIndex(c => c.DecisionToAssessOn);
        builder.HasIndex(c => c.DraftPlanServedOn);
        builder.HasIndex(c => c.FinalPlanIssuedOn);
    }
}

internal sealed class PerformanceEventIndexes : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder) =>
        builder.HasIndex(CaseEventMapping.DiscriminatorColumn, nameof(CaseEvent.OccurredOn));
}

internal sealed class PerformanceAdviceIndexes : IEntityTypeConfiguration<AdviceReceived>
{
    public void Configure(EntityTypeBuilder<AdviceReceived> builder) => builder.HasIndex(e => e.AdviceRequestId);
}

/// <summary>
/// The last review meeting of each overdue plan, read from the index alone; and the reviews whose
/// meeting is still to be held (one per plan in force) in due order, for the work tray.
/// </summary>
internal sealed class PerformanceReviewIndexes : IEntityTypeConfiguration<AnnualReview>
{
    public const string PendingMeetingIndex = "IX_AnnualReviews_PendingMeeting";

    public void Configure(EntityTypeBuilder<AnnualReview> builder)
    {
        builder.HasIndex(r => new { r.PlanId, r.MeetingHeldOn });
        builder.HasIndex(r => new { r.DueBy, r.PlanId }, PendingMeetingIndex).HasFilter("\"MeetingHeldOn\" IS NULL AND \"Decision\" IS NULL");
    }
}
