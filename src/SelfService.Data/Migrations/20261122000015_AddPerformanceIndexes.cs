using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>Indexes for the performance dashboard's period queries (see Performance/PerformanceIndexes).</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000015_AddPerformanceIndexes")]
public sealed class AddPerformanceIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_AssessmentCases_DecisionToAssessOn", "AssessmentCases", "DecisionToAssessOn");
        migrationBuilder.CreateIndex("IX_AssessmentCases_DraftPlanServedOn", "AssessmentCases", "DraftPlanServedOn");
        migrationBuilder.CreateIndex("IX_AssessmentCases_FinalPlanIssuedOn", "AssessmentCases", "FinalPlanIssuedOn");
        migrationBuilder.CreateIndex("IX_CaseEvents_Type_OccurredOn", "CaseEvents", ["Type", "OccurredOn"]);
        migrationBuilder.CreateIndex("IX_CaseEvents_AdviceRequestId", "CaseEvents", "AdviceRequestId");
        migrationBuilder.CreateIndex("IX_AnnualReviews_PlanId_MeetingHeldOn", "AnnualReviews", ["PlanId", "MeetingHeldOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_AnnualReviews_PlanId_MeetingHeldOn", "AnnualReviews");
        migrationBuilder.DropIndex("IX_CaseEvents_AdviceRequestId", "CaseEvents");
        migrationBuilder.DropIndex("IX_CaseEvents_Type_OccurredOn", "CaseEvents");
        migrationBuilder.DropIndex("IX_AssessmentCases_FinalPlanIssuedOn", "AssessmentCases");
        migrationBuilder.DropIndex("IX_AssessmentCases_DraftPlanServedOn", "AssessmentCases");
        migrationBuilder.DropIndex("IX_AssessmentCases_DecisionToAssessOn", "AssessmentCases");
    }
}
