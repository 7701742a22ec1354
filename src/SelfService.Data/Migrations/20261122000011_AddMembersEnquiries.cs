using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>
/// Councillors' and MPs' enquiries: the enquiries with their consent, staff notes, replies and
/// handling history, members' office caseworkers (delegates), drafts awaiting check answers, and
/// the yearly counters that number enquiries.
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000011_AddMembersEnquiries")]
public sealed class AddMembersEnquiries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "MemberDelegates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ElectedMemberId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberDelegates", x => x.Id);
                table.ForeignKey("FK_MemberDelegates_ElectedMembers_ElectedMemberId", x => x.ElectedMemberId, "ElectedMembers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MemberEnquiries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 30, nullable: false),
                ElectedMemberId = table.Column<Guid>(nullable: false),
                LoggedByDelegateId = table.Column<Guid>(nullable: true),
                ChildFirstName = table.Column<string>(maxLength: 100, nullable: false),
                ChildLastName = table.Column<string>(maxLength: 100, nullable: false),
                ChildDateOfBirth = table.Column<DateOnly>(nullable: false),
                ParentName = table.Column<string>(maxLength: 100, nullable: false),
                Postcode = table.Column<string>(maxLength: 8, nullable: false),
                GivenCaseReference = table.Column<string>(maxLength: 30, nullable: true),
                Concern = table.Column<string>(maxLength: 5000, nullable: false),
                Category = table.Column<string>(maxLength: 40, nullable: false),
                LoggedAtUtc = table.Column<DateTime>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                AcknowledgeBy = table.Column<DateOnly>(nullable: false),
                RespondBy = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                AcknowledgedOn = table.Column<DateOnly>(nullable: true),
                AnsweredOn = table.Column<DateOnly>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                AssignedStaffId = table.Column<Guid>(nullable: true),
                MatchedCaseId = table.Column<Guid>(nullable: true),
                MatchedCaseReference = table.Column<string>(maxLength: 30, nullable: true),
                EscalatedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberEnquiries", x => x.Id);
                table.ForeignKey("FK_MemberEnquiries_ElectedMembers_ElectedMemberId", x => x.ElectedMemberId, "ElectedMembers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MemberEnquiries_MemberDelegates_LoggedByDelegateId", x => x.LoggedByDelegateId, "MemberDelegates", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MemberEnquiries_StaffMembers_AssignedStaffId", x => x.AssignedStaffId, "StaffMembers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MemberEnquiries_AssessmentCases_MatchedCaseId", x => x.MatchedCaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "EnquiryConsents",
            columns: table => new
            {
                EnquiryId = table.Column<Guid>(nullable: false),
                GivenBy = table.Column<string>(maxLength: 100, nullable: false),
                Method = table.Column<string>(maxLength: 40, nullable: false),
                GivenOn = table.Column<DateOnly>(nullable: false),
                EvidenceFileName = table.Column<string>(maxLength: 200, nullable: true),
                EvidenceStoredName = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EnquiryConsents", x => x.EnquiryId);
                table.ForeignKey("FK_EnquiryConsents_MemberEnquiries_EnquiryId", x => x.EnquiryId, "MemberEnquiries", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EnquiryNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnquiryId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 5000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EnquiryNotes", x => x.Id);
                table.ForeignKey("FK_EnquiryNotes_MemberEnquiries_EnquiryId", x => x.EnquiryId, "MemberEnquiries", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EnquiryReplies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnquiryId = table.Column<Guid>(nullable: false),
                SentAtUtc = table.Column<DateTime>(nullable: false),
                SentBy = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 5000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EnquiryReplies", x => x.Id);
                table.ForeignKey("FK_EnquiryReplies_MemberEnquiries_EnquiryId", x => x.EnquiryId, "MemberEnquiries", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EnquiryHistory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnquiryId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EnquiryHistory", x => x.Id);
                table.ForeignKey("FK_EnquiryHistory_MemberEnquiries_EnquiryId", x => x.EnquiryId, "MemberEnquiries", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EnquiryDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                AnswersJson = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                EnquiryReference = table.Column<string>(maxLength: 30, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_EnquiryDrafts", x => x.Id));

        migrationBuilder.CreateTable(
            name: "EnquiryReferenceCounters",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                LastNumber = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EnquiryReferenceCounters", x => x.Year));

        migrationBuilder.CreateIndex("IX_MemberDelegates_Email", "MemberDelegates", "Email");
        migrationBuilder.CreateIndex("IX_MemberDelegates_ElectedMemberId", "MemberDelegates", "ElectedMemberId");
        migrationBuilder.CreateIndex("IX_MemberEnquiries_Reference", "MemberEnquiries", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_MemberEnquiries_ElectedMemberId_ReceivedOn", "MemberEnquiries", ["ElectedMemberId", "ReceivedOn"]);
        migrationBuilder.CreateIndex("IX_MemberEnquiries_Status_RespondBy", "MemberEnquiries", ["Status", "RespondBy"]);
        migrationBuilder.CreateIndex("IX_MemberEnquiries_MatchedCaseId", "MemberEnquiries", "MatchedCaseId");
        migrationBuilder.CreateIndex("IX_MemberEnquiries_LoggedByDelegateId", "MemberEnquiries", "LoggedByDelegateId");
        migrationBuilder.CreateIndex("IX_MemberEnquiries_AssignedStaffId", "MemberEnquiries", "AssignedStaffId");
        migrationBuilder.CreateIndex("IX_EnquiryNotes_EnquiryId_AtUtc", "EnquiryNotes", ["EnquiryId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_EnquiryReplies_EnquiryId_SentAtUtc", "EnquiryReplies", ["EnquiryId", "SentAtUtc"]);
        migrationBuilder.CreateIndex("IX_EnquiryHistory_EnquiryId_AtUtc", "EnquiryHistory", ["EnquiryId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_EnquiryDrafts_AccountId", "EnquiryDrafts", "AccountId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("EnquiryHistory");
        migrationBuilder.DropTable("EnquiryReplies");
        migrationBuilder.DropTable("EnquiryNotes");
        migrationBuilder.DropTable("EnquiryConsents");
        migrationBuilder.DropTable("MemberEnquiries");
        migrationBuilder.DropTable("MemberDelegates");
        migrationBuilder.DropTable("EnquiryDrafts");
        migrationBuilder.DropTable("EnquiryReferenceCounters");
    }
}
