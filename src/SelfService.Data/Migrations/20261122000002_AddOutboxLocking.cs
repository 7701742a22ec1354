using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// Lets several app instances run the outbox worker: a worker claims a message until a time, so
/// a crashed worker's claim lapses instead of the message being stuck or sent twice.
/// Existing messages start unclaimed (both columns null).
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000002_AddOutboxLocking")]
public sealed class AddOutboxLocking : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateTime>(name: "LockedUntilUtc", table: "OutboxMessages", nullable: true);
        migrationBuilder.AddColumn<string>(name: "LockedBy", table: "OutboxMessages", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // EF rebuilds a SQLite table to drop a column, which needs the model snapshot these
            // hand-written migrations do not have; SQLite 3.35+ can drop an unindexed column itself.
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"LockedBy\";");
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"LockedUntilUtc\";");
            return;
        }

        migrationBuilder.DropColumn(name: "LockedBy", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "LockedUntilUtc", table: "OutboxMessages");
    }
}
