using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>Staff accounts at the council's identity provider, linked to portal accounts.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000013_AddStaffSignIn")]
public sealed class AddStaffSignIn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "StaffIdentities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Issuer = table.Column<string>(maxLength: 500, nullable: false),
                Subject = table.Column<string>(maxLength: 256, nullable: false),
                UserAccountId = table.Column<Guid>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                LastSignInAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StaffIdentities", x => x.Id));

        migrationBuilder.CreateIndex("IX_StaffIdentities_Issuer_Subject", "StaffIdentities", ["Issuer", "Subject"], unique: true);
        migrationBuilder.CreateIndex("IX_StaffIdentities_UserAccountId_Issuer", "StaffIdentities", ["UserAccountId", "Issuer"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("StaffIdentities");
    }
}
