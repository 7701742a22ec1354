using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SelfService.Data.Migrations;

/// <summary>Portal accounts and the one-time codes people sign in with.</summary>
[DbContext(typeof(CaseStoreDbContext))]
[Migration("20261122000003_AddAccountsAndSignIn")]
public sealed class AddAccountsAndSignIn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "UserAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                LastSignInAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_UserAccounts", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SignInCodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                CodeHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                RequestedFromIp = table.Column<string>(maxLength: 45, nullable: false),
                FailedAttempts = table.Column<int>(nullable: false),
                ConsumedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SignInCodes", x => x.Id));

        migrationBuilder.CreateIndex("IX_UserAccounts_Email", "UserAccounts", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_SignInCodes_Email_CreatedAtUtc", "SignInCodes", ["Email", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_SignInCodes_RequestedFromIp_CreatedAtUtc", "SignInCodes", ["RequestedFromIp", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("SignInCodes");
        migrationBuilder.DropTable("UserAccounts");
    }
}
