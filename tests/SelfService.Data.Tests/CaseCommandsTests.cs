using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;

namespace SelfService.Data.Tests;

/// <summary>A change to a case stores its event, audit entry and notifications together or not at all.</summary>
public abstract class CaseCommandsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly ReceivedOn = new(2026, 9, 1);

    [Fact]
    public async Task Opening_a_case_stores_the_request_an_audit_entry_and_the_acknowledgement()
    {
        TestPeople people;
        await using (var db = database.NewContext())
        {
            people = await TestData.AddPeopleAsync(db);
        }

        var caseId = Guid.NewGuid();
        var acknowledgement = Notification("email.requestReceived");
        await using (var db = database.NewContext())
        {
            var request = new RequestReceived(Guid.NewGuid(), ReceivedOn, Requester.Parent, null, null);
            await new CaseCommands(db).OpenAsync(caseId, TestData.NewReference(), people.Child.Id, request, TestData.Recording(), [acknowledgement]);
        }

        await using var fresh = database.NewContext();
        var stored = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        Assert.IsType<RequestReceived>(Assert.Single(stored.Events));
        Assert.Equal("case.opened", (await fresh.AuditEntries.SingleAsync(a => a.CaseId == caseId)).Action);
        Assert.True(await fresh.OutboxMessages.AnyAsync(m => m.Id == acknowledgement.Id));
    }

    [Fact]
    public async Task A_change_stores_the_event_the_audit_entry_and_the_notification_together()
    {
        var caseId = await OpenCaseAsync();
        var letter = Notification("email.decisionToAssess");
        await using (var db = database.NewContext())
        {
            var changed = await new CaseCommands(db).ExecuteAsync(
                caseId,
                TestData.Recording("priya@council.example"),
                c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), ReceivedOn.AddDays(30), agreed: true, null), TestData.Recording("priya@council.example")),
                "case.decisionToAssess",
                [letter]);
            Assert.Equal(CaseStage.Assessing, changed.Stage);
        }

        await using var fresh = database.NewContext();
        var stored = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStage.Assessing, stored.Stage);
        Assert.Equal(2, stored.Version);
        Assert.IsType<DecisionToAssess>(stored.Events[^1]);
        var audit = await fresh.AuditEntries.Where(a => a.CaseId == caseId).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync();
        Assert.Equal(new { Action = "case.decisionToAssess", Actor = "priya@council.example" }, audit[^1]);
        Assert.Equal("email.decisionToAssess", (await fresh.OutboxMessages.SingleAsync(m => m.Id == letter.Id)).Kind);
    }

    [Fact]
    public async Task An_illegal_change_stores_nothing()
    {
        var caseId = await OpenCaseAsync();
        var letter = Notification("email.finalPlan");
        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => new CaseCommands(db).ExecuteAsync(
                caseId,
                TestData.Recording(),
                c => c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), ReceivedOn.AddDays(100), null), TestData.Recording()),
                "case.finalPlanIssued",
                [letter]));
            Assert.Equal("case.invalidTransition", error.Code);
            Assert.Equal(0, await db.SaveChangesAsync());
        }

        await AssertUnchangedAsync(caseId, letter.Id, "case.finalPlanIssued");
    }

    [Fact]
    public async Task A_failure_while_saving_stores_none_of_the_change()
    {
        var caseId = await OpenCaseAsync();
        var existing = Notification("email.existing");
        await using (var db = database.NewContext())
        {
            db.OutboxMessages.Add(existing);
            await db.SaveChangesAsync();
        }

        // A notification that cannot be stored (its id is taken) must take the event and audit entry down with it.
        var clash = new OutboxMessage(existing.Id, TestData.RecordedAt, "email.decisionToAssess", "{}");
        await using (var db = database.NewContext())
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => new CaseCommands(db).ExecuteAsync(
                caseId,
                TestData.Recording(),
                c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), ReceivedOn.AddDays(30), agreed: true, null), TestData.Recording()),
                "case.decisionToAssess",
                [clash]));
        }

        await AssertUnchangedAsync(caseId, clash.Id, "case.decisionToAssess");
    }

    [Fact]
    public async Task A_change_to_a_case_someone_else_has_just_changed_is_refused_and_stores_nothing()
    {
        var caseId = await OpenCaseAsync();
        var theirLetter = Notification("email.decisionToAssess");
        var ourLetter = Notification("email.withdrawn");

        await using var ours = database.NewContext();
        var conflict = await Assert.ThrowsAsync<CaseConcurrencyException>(() => new CaseCommands(ours).ExecuteAsync(
            caseId,
            TestData.Recording("first@council.example"),
            c =>
            {
                // While this caseworker has the case open, a colleague records a decision on it.
                using var theirs = database.NewContext();
                new CaseCommands(theirs).ExecuteAsync(
                    caseId,
                    TestData.Recording("second@council.example"),
                    other => other.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), ReceivedOn.AddDays(20), agreed: true, null), TestData.Recording("second@council.example")),
                    "case.decisionToAssess",
                    [theirLetter]).GetAwaiter().GetResult();

                c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), ReceivedOn.AddDays(21), "Family withdrew"), TestData.Recording("first@council.example"));
            },
            "case.withdrawn",
            [ourLetter]));
        Assert.Equal(caseId, conflict.CaseId);
        Assert.Contains("Reload", conflict.Message, StringComparison.Ordinal);

        await using var fresh = database.NewContext();
        var stored = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStage.Assessing, stored.Stage);
        Assert.Equal([typeof(RequestReceived), typeof(DecisionToAssess)], stored.Events.Select(e => e.GetType()));
        Assert.Equal(["case.decisionToAssess", "case.opened"], await fresh.AuditEntries.Where(a => a.CaseId == caseId).Select(a => a.Action).OrderBy(a => a).ToListAsync());
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Actor == "first@council.example"));
        Assert.True(await fresh.OutboxMessages.AnyAsync(m => m.Id == theirLetter.Id));
        Assert.False(await fresh.OutboxMessages.AnyAsync(m => m.Id == ourLetter.Id));
    }

    [Fact]
    public async Task Two_caseworkers_saving_stale_copies_of_a_case_the_second_gets_a_concurrency_conflict()
    {
        var caseId = await OpenCaseAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var firstCopy = await first.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        var secondCopy = await second.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);

        firstCopy.AssignCaseworker(null);
        await first.SaveChangesAsync();
        secondCopy.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), ReceivedOn.AddDays(5), agreed: true, null), TestData.Recording());

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_stale_copies_of_a_plan_the_second_save_is_refused()
    {
        Guid planId;
        await using (var db = database.NewContext())
        {
            var plan = TestData.PlanWithReviews(await TestData.AddPeopleAsync(db), caseId: null);
            planId = plan.Id;
            db.EhcPlans.Add(plan);
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var firstCopy = await first.EhcPlans.WithReviews().SingleAsync(p => p.Id == planId);
        var secondCopy = await second.EhcPlans.WithReviews().SingleAsync(p => p.Id == planId);
        firstCopy.Cease(new DateOnly(2028, 1, 1));
        await first.SaveChangesAsync();
        secondCopy.AssignCaseworker(null);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private static OutboxMessage Notification(string kind) =>
        OutboxMessage.Create(TestData.RecordedAt, kind, """{"template":"x"}""", "ada@example.com", "About your request");

    private async Task<Guid> OpenCaseAsync()
    {
        await using var db = database.NewContext();
        var people = await TestData.AddPeopleAsync(db);
        var opened = await new CaseCommands(db).OpenAsync(
            Guid.NewGuid(), TestData.NewReference(), people.Child.Id,
            new RequestReceived(Guid.NewGuid(), ReceivedOn, Requester.Parent, null, null), TestData.Recording());
        return opened.Id;
    }

    private async Task AssertUnchangedAsync(Guid caseId, Guid messageId, string auditAction)
    {
        await using var fresh = database.NewContext();
        var stored = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, stored.Stage);
        Assert.Equal(1, stored.Version);
        Assert.Single(stored.Events);
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == auditAction));
        Assert.Equal(0, await fresh.OutboxMessages.CountAsync(m => m.Id == messageId && m.Kind != "email.existing"));
    }
}

public sealed class SqliteCaseCommandsTests(SqliteTestDatabase database) : CaseCommandsTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseCommandsTests(PostgresTestDatabase database) : CaseCommandsTests<PostgresTestDatabase>(database);
