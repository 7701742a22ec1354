using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>The chat's own records: channel identities linked by one-time code, the codes, wrong guesses, and messages handed to a person.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000009_AddChatConversations")]
public sealed class AddChatConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ChatIdentityLinks",
            columns: table => new
            {
                ChannelId = table.Column<string>(maxLength: 64, nullable: false),
                ChannelUserId = table.Column<string>(maxLength: 256, nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                LinkedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChatIdentityLinks", x => new { x.ChannelId, x.ChannelUserId }));
        migrationBuilder.CreateIndex("IX_ChatIdentityLinks_AccountId", "ChatIdentityLinks", "AccountId");

        migrationBuilder.CreateTable(
            name: "ChatLinkCodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                CodeHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                UsedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ChatLinkCodes", x => x.Id));
        migrationBuilder.CreateIndex("IX_ChatLinkCodes_CodeHash", "ChatLinkCodes", "CodeHash");
        migrationBuilder.CreateIndex("IX_ChatLinkCodes_AccountId", "ChatLinkCodes", "AccountId");

        migrationBuilder.CreateTable(
            name: "ChatLinkFailures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<string>(maxLength: 64, nullable: false),
                ChannelUserId = table.Column<string>(maxLength: 256, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChatLinkFailures", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_ChatLinkFailures_ChannelId_ChannelUserId_AtUtc", "ChatLinkFailures", ["ChannelId", "ChannelUserId", "AtUtc"]);

        migrationBuilder.CreateTable(
            name: "ChatHandoffs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 16, nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                ChannelId = table.Column<string>(maxLength: 64, nullable: false),
                Recipient = table.Column<string>(maxLength: 320, nullable: false),
                Transcript = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChatHandoffs", x => x.Id));
        migrationBuilder.CreateIndex("IX_ChatHandoffs_Reference", "ChatHandoffs", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_ChatHandoffs_CaseId", "ChatHandoffs", "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ChatHandoffs");
        migrationBuilder.DropTable("ChatLinkFailures");
        migrationBuilder.DropTable("ChatLinkCodes");
        migrationBuilder.DropTable("ChatIdentityLinks");
    }
}
