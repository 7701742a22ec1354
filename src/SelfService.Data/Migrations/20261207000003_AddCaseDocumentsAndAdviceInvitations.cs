using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>Documents the council adds to a case (advice, draft plan) and advisers' upload links (ADR 0024).</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261207000003_AddCaseDocumentsAndAdviceInvitations")]
public sealed class AddCaseDocumentsAndAdviceInvitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "CaseDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                AdviceRequestId = table.Column<Guid>(nullable: true),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                StoredName = table.Column<string>(maxLength: 100, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ScanStatus = table.Column<string>(maxLength: 40, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 300, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseDocuments", x => x.Id);
                table.ForeignKey("FK_CaseDocuments_AssessmentCases_CaseId", x => x.CaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AdviceInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                AdviceRequestId = table.Column<Guid>(nullable: false),
                AdviserEmail = table.Column<string>(maxLength: 254, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdviceInvitations", x => x.Id);
                table.ForeignKey("FK_AdviceInvitations_AssessmentCases_CaseId", x => x.CaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_CaseDocuments_CaseId", "CaseDocuments", "CaseId");
        migrationBuilder.CreateIndex("IX_AdviceInvitations_TokenHash", "AdviceInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_AdviceInvitations_CaseId", "AdviceInvitations", "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("AdviceInvitations");
        migrationBuilder.DropTable("CaseDocuments");
    }
}
