using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// The bot's conversation and user state: one JSON document per key, with an eTag that every
/// write must match (see docs/decisions/0006-bot-state-concurrency.md).
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000007_AddBotState")]
public sealed class AddBotState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "BotStates",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 500, nullable: false),
                Document = table.Column<string>(nullable: false),
                ETag = table.Column<string>(maxLength: 64, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BotStates", x => x.Key));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("BotStates");
    }
}
