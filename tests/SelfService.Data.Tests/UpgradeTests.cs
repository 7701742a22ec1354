using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;

namespace SelfService.Data.Tests;

/// <summary>A database in use at the first release upgrades in place, keeping its rows.</summary>
public abstract class UpgradeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const string InitialSchema = "20261122000001_InitialSchema";

    [Fact]
    public async Task A_database_at_the_initial_schema_upgrades_with_its_data_intact()
    {
        await using var scratch = await database.CreateScratchAsync();
        var messageId = Guid.NewGuid();
        var createdAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        Guid caseId;
        await using (var db = scratch.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(InitialSchema);

            // The tables of people did not change, so the context can write them; cases and the
            // outbox did, so their rows go in as the first release wrote them.
            var people = await TestData.AddPeopleAsync(db);
            var opened = TestData.OpenCase(people, new DateOnly(2026, 10, 5));
            caseId = opened.Id;
            var request = Assert.IsType<RequestReceived>(opened.Events[0]);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AssessmentCases" ("Id", "Reference", "ChildId", "RequestReceivedOn", "Requester", "Stage", "Version")
                VALUES ({opened.Id}, {opened.Reference}, {opened.ChildId}, {opened.RequestReceivedOn}, {opened.Requester.ToString()}, {opened.Stage.ToString()}, {opened.Version})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CaseEvents" ("Id", "CaseId", "Sequence", "OccurredOn", "RecordedAtUtc", "RecordedBy", "Type", "Requester")
                VALUES ({request.Id}, {opened.Id}, {request.Sequence}, {request.OccurredOn}, {request.RecordedAtUtc}, {request.RecordedBy}, {"requestReceived"}, {request.Requester.ToString()})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMessages" ("Id", "CreatedAtUtc", "Kind", "Recipient", "Subject", "PayloadJson", "Attempts", "NextAttemptAtUtc")
                VALUES ({messageId}, {createdAt}, {"email.requestReceived"}, {"ada@example.com"}, {"We have your request"}, {"{}"}, {2}, {createdAt})
                """);
        }

        await using (var db = scratch.NewContext())
        {
            Assert.Equal([InitialSchema], await db.Database.GetAppliedMigrationsAsync());
            await new CaseStoreMigrator(db, NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = scratch.NewContext())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId);
            Assert.Equal(("email.requestReceived", "ada@example.com", 2, createdAt), (message.Kind, message.Recipient, message.Attempts, message.CreatedAtUtc));
            Assert.Null(message.LockedBy);
            Assert.Null(message.LockedUntilUtc);
            // Requests stored before the route was recorded all came through the portal.
            var upgraded = await db.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
            Assert.Equal(RequestRoute.Portal, upgraded.Route);
            Assert.Equal(RequestRoute.Portal, Assert.IsType<RequestReceived>(Assert.Single(upgraded.Events)).Route);

            message.Lock("worker-1", createdAt.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using (var db = scratch.NewContext())
        {
            var claimed = await db.OutboxMessages.Where(m => m.LockedBy == "worker-1").SingleAsync();
            Assert.Equal(createdAt.AddMinutes(5), claimed.LockedUntilUtc);
        }
    }

    [Fact]
    public async Task The_upgrade_can_be_rolled_back_keeping_the_messages()
    {
        await using var scratch = await database.CreateScratchAsync();
        var message = Storage.OutboxMessage.Create(TestData.RecordedAt, "email.test", "{}");
        await using (var db = scratch.NewContext())
        {
            await new CaseStoreMigrator(db, NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            await db.GetService<IMigrator>().MigrateAsync(InitialSchema);
            Assert.Equal([InitialSchema], await db.Database.GetAppliedMigrationsAsync());
        }

        await using (var db = scratch.NewContext())
        {
            var kinds = await db.Database.SqlQuery<string>($"""SELECT "Kind" AS "Value" FROM "OutboxMessages" WHERE "Id" = {message.Id}""").ToListAsync();
            Assert.Equal(["email.test"], kinds);
        }
    }
}

public sealed class SqliteUpgradeTests(SqliteTestDatabase database) : UpgradeTests<SqliteTestDatabase>(database);

public sealed class PostgresUpgradeTests(PostgresTestDatabase database) : UpgradeTests<PostgresTestDatabase>(database);
