using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SelfService.Data.Mappings;

namespace SelfService.Data.Migrations;

/// <summary>How each request arrived (portal, post, email, phone), on the request event and on the case.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000019_AddRequestRoute")]
public sealed class AddRequestRoute : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // Every request stored before this came through the portal: the offline route did not record itself.
        migrationBuilder.AddColumn<string>("Route", "AssessmentCases", maxLength: StorageConventions.EnumLength, nullable: false, defaultValue: "Portal");
        migrationBuilder.AddColumn<string>("Route", "CaseEvents", maxLength: StorageConventions.EnumLength, nullable: true);
        migrationBuilder.Sql("""UPDATE "CaseEvents" SET "Route" = 'Portal' WHERE "Type" = 'requestReceived'""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in AddOutboxLocking: SQLite 3.35+ drops an unindexed column itself.
            migrationBuilder.Sql("ALTER TABLE \"CaseEvents\" DROP COLUMN \"Route\";");
            migrationBuilder.Sql("ALTER TABLE \"AssessmentCases\" DROP COLUMN \"Route\";");
            return;
        }

        migrationBuilder.DropColumn("Route", "CaseEvents");
        migrationBuilder.DropColumn("Route", "AssessmentCases");
    }
}
