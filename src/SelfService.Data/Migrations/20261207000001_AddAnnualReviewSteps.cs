using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SelfService.Data.Mappings;

namespace SelfService.Data.Migrations;

/// <summary>Caseworkers arrange the review meeting ahead of it and say what the proposed amendments change.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261207000001_AddAnnualReviewSteps")]
public sealed class AddAnnualReviewSteps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateOnly>("MeetingScheduledFor", "AnnualReviews", nullable: true);
        migrationBuilder.AddColumn<string>("AmendmentsSummary", "AnnualReviews", maxLength: StorageConventions.ReasonLength, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in AddOutboxLocking: SQLite 3.35+ drops an unindexed column itself.
            migrationBuilder.Sql("ALTER TABLE \"AnnualReviews\" DROP COLUMN \"AmendmentsSummary\";");
            migrationBuilder.Sql("ALTER TABLE \"AnnualReviews\" DROP COLUMN \"MeetingScheduledFor\";");
            return;
        }

        migrationBuilder.DropColumn("AmendmentsSummary", "AnnualReviews");
        migrationBuilder.DropColumn("MeetingScheduledFor", "AnnualReviews");
    }
}
