using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// Requests for an EHC needs assessment written in the portal: drafts (answers as one JSON
/// document), their uploaded documents' metadata, and the yearly counters that number new cases.
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000004_AddRequestDrafts")]
public sealed class AddRequestDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "RequestDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                AnswersJson = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                SubmittedAtUtc = table.Column<DateTime>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                CaseReference = table.Column<string>(maxLength: 30, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestDrafts", x => x.Id);
                table.ForeignKey("FK_RequestDrafts_AssessmentCases_CaseId", x => x.CaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RequestDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DraftId = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                StoredName = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ScanStatus = table.Column<string>(maxLength: 40, nullable: false),
                ScanDetail = table.Column<string>(maxLength: 200, nullable: true),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestDocuments", x => x.Id);
                table.ForeignKey("FK_RequestDocuments_RequestDrafts_DraftId", x => x.DraftId, "RequestDrafts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RequestDocuments_AssessmentCases_CaseId", x => x.CaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseReferenceCounters",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                LastNumber = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CaseReferenceCounters", x => x.Year));

        migrationBuilder.CreateIndex("IX_RequestDrafts_AccountId", "RequestDrafts", "AccountId");
        migrationBuilder.CreateIndex("IX_RequestDrafts_CaseId", "RequestDrafts", "CaseId", unique: true);
        migrationBuilder.CreateIndex("IX_RequestDocuments_DraftId", "RequestDocuments", "DraftId");
        migrationBuilder.CreateIndex("IX_RequestDocuments_CaseId", "RequestDocuments", "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("RequestDocuments");
        migrationBuilder.DropTable("RequestDrafts");
        migrationBuilder.DropTable("CaseReferenceCounters");
    }
}
