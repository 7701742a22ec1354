using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// Reviews whose meeting is still to be held, in due order: at national scale the work tray's
/// annual-review rows and count come from this small index rather than from every review ever held.
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261207000004_AddPendingReviewIndex")]
public sealed class AddPendingReviewIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex(
            name: "IX_AnnualReviews_PendingMeeting",
            table: "AnnualReviews",
            columns: ["DueBy", "PlanId"],
            filter: "\"MeetingHeldOn\" IS NULL AND \"Decision\" IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_AnnualReviews_PendingMeeting", table: "AnnualReviews");
    }
}
