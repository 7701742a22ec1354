using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SelfService.Data.Migrations;

/// <summary>
/// Written by hand for both providers: column types are left to each provider's mapping of the
/// CLR type and length, and identity columns carry both providers' annotations (each ignores the
/// other's). The schema tests prove the result matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000001_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        CreatePeople(migrationBuilder);
        CreateCases(migrationBuilder);
        CreatePlans(migrationBuilder);
        CreateAuditAndOutbox(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
        {
            "OutboxMessages", "AuditEntries", "AnnualReviews", "EhcPlans", "CaseEvents", "AssessmentCases",
            "ChildParents", "SchoolContacts", "Children", "ElectedMembers", "StaffMembers", "ParentCarers", "Schools",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static void CreatePeople(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Schools",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Urn = table.Column<string>(maxLength: 7, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Phase = table.Column<string>(maxLength: 40, nullable: false),
                Postcode = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Schools", x => x.Id));

        migrationBuilder.CreateTable(
            name: "StaffMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Team = table.Column<string>(maxLength: 100, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_StaffMembers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ParentCarers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Postcode = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ParentCarers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ElectedMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Area = table.Column<string>(maxLength: 200, nullable: false),
                Party = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ElectedMembers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Children",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                KnownAs = table.Column<string>(maxLength: 100, nullable: true),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                Postcode = table.Column<string>(maxLength: 8, nullable: false),
                SchoolId = table.Column<Guid>(nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Children", x => x.Id);
                table.ForeignKey("FK_Children_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "SchoolContacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SchoolContacts", x => x.Id);
                table.ForeignKey("FK_SchoolContacts_Schools_SchoolId", x => x.SchoolId, "Schools", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChildParents",
            columns: table => new
            {
                ChildId = table.Column<Guid>(nullable: false),
                ParentCarerId = table.Column<Guid>(nullable: false),
                Relationship = table.Column<string>(maxLength: 40, nullable: false),
                HasParentalResponsibility = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChildParents", x => new { x.ChildId, x.ParentCarerId });
                table.ForeignKey("FK_ChildParents_Children_ChildId", x => x.ChildId, "Children", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChildParents_ParentCarers_ParentCarerId", x => x.ParentCarerId, "ParentCarers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Schools_Urn", "Schools", "Urn", unique: true);
        migrationBuilder.CreateIndex("IX_Schools_Name", "Schools", "Name");
        migrationBuilder.CreateIndex("IX_StaffMembers_Email", "StaffMembers", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_ParentCarers_Email", "ParentCarers", "Email");
        migrationBuilder.CreateIndex("IX_ElectedMembers_Email", "ElectedMembers", "Email");
        migrationBuilder.CreateIndex("IX_Children_Email", "Children", "Email");
        migrationBuilder.CreateIndex("IX_Children_LastName_DateOfBirth", "Children", ["LastName", "DateOfBirth"]);
        migrationBuilder.CreateIndex("IX_Children_SchoolId", "Children", "SchoolId");
        migrationBuilder.CreateIndex("IX_SchoolContacts_Email", "SchoolContacts", "Email");
        migrationBuilder.CreateIndex("IX_SchoolContacts_SchoolId", "SchoolContacts", "SchoolId");
        migrationBuilder.CreateIndex("IX_ChildParents_ParentCarerId", "ChildParents", "ParentCarerId");
    }

    private static void CreateCases(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AssessmentCases",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 30, nullable: false),
                ChildId = table.Column<Guid>(nullable: false),
                CaseworkerId = table.Column<Guid>(nullable: true),
                RequestReceivedOn = table.Column<DateOnly>(nullable: false),
                Requester = table.Column<string>(maxLength: 40, nullable: false),
                RequestingSchoolId = table.Column<Guid>(nullable: true),
                Stage = table.Column<string>(maxLength: 40, nullable: false),
                DecisionToAssessOn = table.Column<DateOnly>(nullable: true),
                DraftPlanServedOn = table.Column<DateOnly>(nullable: true),
                FinalPlanIssuedOn = table.Column<DateOnly>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssessmentCases", x => x.Id);
                table.ForeignKey("FK_AssessmentCases_Children_ChildId", x => x.ChildId, "Children", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AssessmentCases_Schools_RequestingSchoolId", x => x.RequestingSchoolId, "Schools", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AssessmentCases_StaffMembers_CaseworkerId", x => x.CaseworkerId, "StaffMembers", "Id", onDelete: ReferentialAction.SetNull);
            });

        // One table for every kind of event (TPH): "Type" says which, the rest are that kind's facts.
        migrationBuilder.CreateTable(
            name: "CaseEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                OccurredOn = table.Column<DateOnly>(nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 40, nullable: false),
                AdviceRequestId = table.Column<Guid>(nullable: true),
                Adviser = table.Column<string>(maxLength: 40, nullable: true),
                AdviserName = table.Column<string>(maxLength: 200, nullable: true),
                Agreed = table.Column<bool>(nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                Issue = table.Column<bool>(nullable: true),
                Kind = table.Column<string>(maxLength: 40, nullable: true),
                ExpectedEnd = table.Column<DateOnly>(nullable: true),
                ExceptionId = table.Column<Guid>(nullable: true),
                NamedSchoolId = table.Column<Guid>(nullable: true),
                MeetingRequested = table.Column<bool>(nullable: true),
                RequestedSchoolId = table.Column<Guid>(nullable: true),
                Summary = table.Column<string>(maxLength: 2000, nullable: true),
                Requester = table.Column<string>(maxLength: 40, nullable: true),
                RequestingSchoolId = table.Column<Guid>(nullable: true),
                ParentalConsentGivenOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseEvents", x => x.Id);
                table.ForeignKey("FK_CaseEvents_AssessmentCases_CaseId", x => x.CaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AssessmentCases_Reference", "AssessmentCases", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_AssessmentCases_ChildId", "AssessmentCases", "ChildId");
        migrationBuilder.CreateIndex("IX_AssessmentCases_CaseworkerId", "AssessmentCases", "CaseworkerId");
        migrationBuilder.CreateIndex("IX_AssessmentCases_RequestingSchoolId", "AssessmentCases", "RequestingSchoolId");
        migrationBuilder.CreateIndex("IX_AssessmentCases_RequestReceivedOn", "AssessmentCases", "RequestReceivedOn");
        migrationBuilder.CreateIndex("IX_AssessmentCases_Stage", "AssessmentCases", "Stage");
        migrationBuilder.CreateIndex("IX_CaseEvents_CaseId_Sequence", "CaseEvents", ["CaseId", "Sequence"], unique: true);
    }

    private static void CreatePlans(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EhcPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 30, nullable: false),
                ChildId = table.Column<Guid>(nullable: false),
                AssessmentCaseId = table.Column<Guid>(nullable: true),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                NamedSchoolId = table.Column<Guid>(nullable: true),
                CaseworkerId = table.Column<Guid>(nullable: true),
                CeasedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
                PhaseTransferKind = table.Column<string>(maxLength: 40, nullable: true),
                PhaseTransferYear = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EhcPlans", x => x.Id);
                table.ForeignKey("FK_EhcPlans_AssessmentCases_AssessmentCaseId", x => x.AssessmentCaseId, "AssessmentCases", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_EhcPlans_Children_ChildId", x => x.ChildId, "Children", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EhcPlans_Schools_NamedSchoolId", x => x.NamedSchoolId, "Schools", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EhcPlans_StaffMembers_CaseworkerId", x => x.CaseworkerId, "StaffMembers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "AnnualReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                DueBy = table.Column<DateOnly>(nullable: false),
                MeetingHeldOn = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<string>(maxLength: 40, nullable: true),
                DecisionNotifiedOn = table.Column<DateOnly>(nullable: true),
                AmendmentsProposedOn = table.Column<DateOnly>(nullable: true),
                FinalAmendedPlanIssuedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnualReviews", x => x.Id);
                table.ForeignKey("FK_AnnualReviews_EhcPlans_PlanId", x => x.PlanId, "EhcPlans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_EhcPlans_Reference", "EhcPlans", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_EhcPlans_ChildId", "EhcPlans", "ChildId");
        migrationBuilder.CreateIndex("IX_EhcPlans_AssessmentCaseId", "EhcPlans", "AssessmentCaseId");
        migrationBuilder.CreateIndex("IX_EhcPlans_CaseworkerId", "EhcPlans", "CaseworkerId");
        migrationBuilder.CreateIndex("IX_EhcPlans_NamedSchoolId", "EhcPlans", "NamedSchoolId");
        migrationBuilder.CreateIndex("IX_AnnualReviews_DueBy", "AnnualReviews", "DueBy");
        migrationBuilder.CreateIndex("IX_AnnualReviews_PlanId", "AnnualReviews", "PlanId");
    }

    private static void CreateAuditAndOutbox(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 100, nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        // The workers' locking columns came later (AddOutboxLocking).
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                Recipient = table.Column<string>(maxLength: 254, nullable: true),
                Subject = table.Column<string>(maxLength: 200, nullable: true),
                PayloadJson = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: false),
                SentAtUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateIndex("IX_AuditEntries_CaseId_AtUtc", "AuditEntries", ["CaseId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId", "AuditEntries", ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("IX_OutboxMessages_Pending", "OutboxMessages", "NextAttemptAtUtc", filter: "\"SentAtUtc\" IS NULL");
    }
}
