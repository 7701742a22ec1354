using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// The Direct Line channel's transcript: conversations, their activities in sequence, and files
/// users upload. Deleting a conversation (the retention purge) deletes the rest with it.
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000006_AddDirectLineConversations")]
public sealed class AddDirectLineConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DirectLineConversations",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 64, nullable: false),
                UserId = table.Column<string>(maxLength: 128, nullable: false),
                UserName = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                LastActivityAtUtc = table.Column<DateTime>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DirectLineConversations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DirectLineActivities",
            columns: table => new
            {
                ConversationId = table.Column<string>(maxLength: 64, nullable: false),
                Sequence = table.Column<long>(nullable: false),
                TimestampUtc = table.Column<DateTime>(nullable: false),
                Json = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DirectLineActivities", x => new { x.ConversationId, x.Sequence });
                table.ForeignKey(
                    name: "FK_DirectLineActivities_DirectLineConversations_ConversationId",
                    column: x => x.ConversationId,
                    principalTable: "DirectLineConversations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DirectLineAttachments",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 64, nullable: false),
                ConversationId = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 255, nullable: false),
                Length = table.Column<long>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DirectLineAttachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_DirectLineAttachments_DirectLineConversations_ConversationId",
                    column: x => x.ConversationId,
                    principalTable: "DirectLineConversations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_DirectLineConversations_LastActivityAtUtc", "DirectLineConversations", "LastActivityAtUtc");
        migrationBuilder.CreateIndex("IX_DirectLineAttachments_ConversationId", "DirectLineAttachments", "ConversationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("DirectLineAttachments");
        migrationBuilder.DropTable("DirectLineActivities");
        migrationBuilder.DropTable("DirectLineConversations");
    }
}
