using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>The bot's conversation references, one per user and channel, for proactive messages.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000008_AddConversationReferences")]
public sealed class AddConversationReferences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ConversationReferences",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 256, nullable: false),
                ChannelId = table.Column<string>(maxLength: 64, nullable: false),
                ConversationId = table.Column<string>(maxLength: 512, nullable: false),
                ServiceUrl = table.Column<string>(maxLength: 2048, nullable: false),
                ReferenceJson = table.Column<string>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ConversationReferences", x => new { x.UserId, x.ChannelId }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ConversationReferences");
    }
}
