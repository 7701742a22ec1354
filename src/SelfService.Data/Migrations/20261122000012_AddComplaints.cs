using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>Complaints (stage 1, stage 2, Ombudsman) and their yearly reference counter.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000012_AddComplaints")]
public sealed class AddComplaints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ComplaintReferenceCounters",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                LastNumber = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ComplaintReferenceCounters", x => x.Year));

        migrationBuilder.CreateTable(
            name: "Complaints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 30, nullable: false),
                ComplainantAccountId = table.Column<Guid>(nullable: false),
                ComplainantEmail = table.Column<string>(maxLength: 254, nullable: false),
                ComplainantName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                CaseReference = table.Column<string>(maxLength: 30, nullable: true),
                ConstituentName = table.Column<string>(maxLength: 200, nullable: true),
                ConstituentConsent = table.Column<string>(maxLength: 2000, nullable: true),
                WhatWentWrong = table.Column<string>(maxLength: 4000, nullable: false),
                PutRight = table.Column<string>(maxLength: 4000, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Stage1AcknowledgeBy = table.Column<DateOnly>(nullable: false),
                Stage1RespondBy = table.Column<DateOnly>(nullable: false),
                Stage1ExtendedTo = table.Column<DateOnly>(nullable: true),
                Stage1ExtensionReason = table.Column<string>(maxLength: 2000, nullable: true),
                Stage1AcknowledgedOn = table.Column<DateOnly>(nullable: true),
                Stage1RespondedOn = table.Column<DateOnly>(nullable: true),
                Stage1Outcome = table.Column<string>(maxLength: 40, nullable: true),
                Stage1Remedy = table.Column<string>(maxLength: 4000, nullable: true),
                Stage1Response = table.Column<string>(maxLength: 4000, nullable: true),
                Stage2WindowClosesOn = table.Column<DateOnly>(nullable: true),
                Stage2RequestedOn = table.Column<DateOnly>(nullable: true),
                Stage2Reason = table.Column<string>(maxLength: 4000, nullable: true),
                Stage2AcknowledgeBy = table.Column<DateOnly>(nullable: true),
                Stage2RespondBy = table.Column<DateOnly>(nullable: true),
                Stage2AcknowledgedOn = table.Column<DateOnly>(nullable: true),
                Stage2RespondedOn = table.Column<DateOnly>(nullable: true),
                Stage2Outcome = table.Column<string>(maxLength: 40, nullable: true),
                Stage2Remedy = table.Column<string>(maxLength: 4000, nullable: true),
                Stage2Response = table.Column<string>(maxLength: 4000, nullable: true),
                OmbudsmanReferredOn = table.Column<DateOnly>(nullable: true),
                OmbudsmanReference = table.Column<string>(maxLength: 100, nullable: true),
                OmbudsmanDecidedOn = table.Column<DateOnly>(nullable: true),
                OmbudsmanOutcome = table.Column<string>(maxLength: 40, nullable: true),
                OmbudsmanRemedy = table.Column<string>(maxLength: 4000, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                NextDueOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Complaints", x => x.Id));

        migrationBuilder.CreateIndex("IX_Complaints_Reference", "Complaints", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_Complaints_ComplainantAccountId", "Complaints", "ComplainantAccountId");
        migrationBuilder.CreateIndex("IX_Complaints_Status_NextDueOn", "Complaints", ["Status", "NextDueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("Complaints");
        migrationBuilder.DropTable("ComplaintReferenceCounters");
    }
}
