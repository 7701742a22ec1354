using Microsoft.EntityFrameworkCore;
using SelfService.Data.Complaints;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Data.WorkTray;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Complaints;

namespace SelfService.Data.Tests.Complaints;

/// <summary>Complaints through the store on each provider: numbering, who sees what, audit, outbox, tray rows and figures.</summary>
public abstract class ComplaintStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly RequestContact Contact = new("Leeds City Council", "send.team@example.org", new Uri("https://send.example.org"));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static ComplaintStore Store(CaseStoreDbContext db) =>
        new(db, new FixedTime(new DateTimeOffset(2030, 12, 18, 10, 0, 0, TimeSpan.Zero)), ServiceLevels.Default, WorkingDayCalendar.EnglandAndWales);

    private static Viewer Person(string email) => new() { AccountId = Guid.NewGuid(), Email = email };

    private static Viewer Staff() => new() { AccountId = Guid.NewGuid(), Email = "daniel@council.example", StaffMemberId = Guid.NewGuid() };

    private static ComplaintSubmission Submission(string name = "Helen Carter") =>
        new(name, ComplainantRole.ParentCarer, null, "Nobody answered my emails.", "A reply and a named caseworker.");

    [Fact]
    public async Task A_complaint_is_numbered_emailed_audited_and_seen_only_by_its_complainant_and_staff()
    {
        var helen = Person($"helen.{Guid.NewGuid():N}@example.com");
        string reference;
        await using (var db = database.NewContext())
        {
            var made = await Store(db).MakeAsync(Submission(), helen, new DateOnly(2029, 12, 18), Contact);
            Assert.Equal(ComplaintChangeOutcome.Done, made.Outcome);
            reference = made.Complaint!.Reference;
            Assert.Matches(@"^CMP-2029-\d{5}$", reference);
        }

        await using (var db = database.NewContext())
        {
            var store = Store(db);
            Assert.NotNull(await store.FindForComplainantAsync(reference.ToLowerInvariant(), helen, "test"));
            Assert.Null(await store.FindForComplainantAsync(reference, Person("someone.else@example.com"), "test"));
            Assert.Null(await store.FindForStaffAsync(reference, helen));
            Assert.NotNull(await store.FindForStaffAsync(reference, Staff()));

            var complaint = await db.Set<Complaint>().SingleAsync(c => c.Reference == reference);
            // Tuesday 18 December 2029; Christmas Day and Boxing Day fall on the Tuesday and Wednesday after.
            Assert.Equal(new DateOnly(2029, 12, 27), complaint.Stage1AcknowledgeBy);
            var email = await db.OutboxMessages.SingleAsync(m => m.Recipient == helen.Email);
            Assert.Equal("email." + ComplaintEmails.ReceivedKind, email.Kind);
            var body = OutboxEmail.TextBody(email);
            Assert.Contains(reference, body, StringComparison.Ordinal);
            Assert.Contains("We will respond by: " + Complaint.LongDate(complaint.Stage1RespondBy), body, StringComparison.Ordinal);

            var actions = await db.AuditEntries.Where(a => a.EntityId == complaint.Id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Equal(1, actions.Count(a => a == ComplaintStore.MadeAction));
            Assert.Equal(2, actions.Count(a => a == ComplaintStore.ViewedAction));
        }
    }

    [Fact]
    public async Task Staff_changes_commit_with_audit_and_email_and_a_refused_step_changes_nothing()
    {
        var helen = Person($"helen.{Guid.NewGuid():N}@example.com");
        var staff = Staff();
        await using var db = database.NewContext();
        var store = Store(db);
        var reference = (await store.MakeAsync(Submission(), helen, new DateOnly(2030, 11, 1), Contact)).Complaint!.Reference;

        var refused = await store.ChangeAsync(reference, staff, new ComplaintChange.Close(new DateOnly(2030, 11, 2)), Contact);
        Assert.Equal(ComplaintChangeOutcome.Refused, refused.Outcome);
        Assert.Equal(ComplaintErrors.NotAtThisStep, refused.ErrorCode);
        Assert.Equal(ComplaintChangeOutcome.NotFound, (await store.ChangeAsync(reference, helen, new ComplaintChange.Acknowledge(new DateOnly(2030, 11, 2)), Contact)).Outcome);

        Assert.Equal(ComplaintChangeOutcome.Done, (await store.ChangeAsync(reference, staff, new ComplaintChange.Acknowledge(new DateOnly(2030, 11, 4)), Contact)).Outcome);
        Assert.Equal(ComplaintChangeOutcome.Done, (await store.ChangeAsync(reference, staff, new ComplaintChange.Respond(ComplaintOutcome.NotUpheld, "", "We replied on time.", new DateOnly(2030, 11, 8)), Contact)).Outcome);
        var late = await store.RequestStage2Async(reference, helen, "Not good enough", new DateOnly(2030, 12, 7), Contact);
        Assert.Equal(ComplaintErrors.Stage2WindowClosed, late.ErrorCode);

        await using var check = database.NewContext();
        var saved = await check.Set<Complaint>().SingleAsync(c => c.Reference == reference);
        Assert.Equal(ComplaintStatus.Stage1Responded, saved.Status);
        Assert.Equal(ComplaintOutcome.NotUpheld, saved.Stage1Outcome);
        Assert.Equal(new DateOnly(2030, 12, 6), saved.Stage2WindowClosesOn);
        var kinds = await check.OutboxMessages.Where(m => m.Recipient == helen.Email).Select(m => m.Kind).ToListAsync();
        Assert.Equal(["email." + ComplaintEmails.ReceivedKind, "email." + ComplaintEmails.Stage1ResponseKind], kinds.Order(StringComparer.Ordinal));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityId == saved.Id.ToString() && a.Actor == staff.Email));
    }

    [Fact]
    public async Task Open_complaints_are_work_tray_rows_in_due_order_and_figures_match_the_rows()
    {
        await using var scratch = await database.CreateScratchAsync();
        await using (var setup = scratch.NewContext())
        {
            await new CaseStoreMigrator(setup, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        }

        await using var db = scratch.NewContext();
        var store = Store(db);
        var staff = Staff();
        var a = Person("a@example.com");
        var b = Person("b@example.com");
        var first = (await store.MakeAsync(Submission("A"), a, new DateOnly(2030, 1, 7), Contact)).Complaint!.Reference;
        var second = (await store.MakeAsync(Submission("B"), b, new DateOnly(2030, 1, 14), Contact)).Complaint!.Reference;
        await store.ChangeAsync(first, staff, new ComplaintChange.Respond(ComplaintOutcome.Upheld, "Apology", "Sorry", new DateOnly(2030, 1, 10)), Contact);
        await store.RequestStage2Async(first, a, "More", new DateOnly(2030, 2, 1), Contact);

        var source = new ComplaintWorkItemSource(db);
        var rows = await source.ListAsync(new WorkTrayFilter(), new DateOnly(2030, 1, 22), 10, CancellationToken.None);
        Assert.Equal([second, first], rows.Select(r => r.Reference));
        Assert.All(rows, r => Assert.Equal(WorkItemKind.Complaint, r.Kind));
        Assert.Equal(new DateOnly(2030, 1, 21), rows[0].DueOn);
        Assert.Equal(1, await source.CountAsync(new WorkTrayFilter(OverdueOnly: true), new DateOnly(2030, 1, 22), CancellationToken.None));
        Assert.Empty(await source.ListAsync(new WorkTrayFilter(Kinds: new HashSet<WorkItemKind> { WorkItemKind.Assessment }), new DateOnly(2030, 1, 22), 10, CancellationToken.None));

        var figures = await new ComplaintFigures(db).ForPeriodAsync(new DateOnly(2030, 1, 1), new DateOnly(2030, 3, 31));
        Assert.Equal(2, figures.Total.Received);
        Assert.Equal(1, figures.Total.Stage1Responded);
        Assert.Equal(100m, figures.Total.Stage1OnTimePercent);
        Assert.Equal(100m, figures.Total.Stage1To2EscalationPercent);
        Assert.Null(figures.Total.Stage2ToOmbudsmanPercent);
        Assert.Equal(["2030-01", "2030-02", "2030-03"], figures.Months.Select(m => m.Period));
        Assert.Equal(1, figures.Months[1].Stage2Requested);
        Assert.Equal("2030-Q1", Assert.Single(figures.Quarters).Period);
        Assert.Equal(new ComplaintOutcomeCount("stage1", "Upheld", 1), Assert.Single(figures.Outcomes));
    }
}

public sealed class SqliteComplaintStoreTests(SqliteTestDatabase database) : ComplaintStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresComplaintStoreTests(PostgresTestDatabase database) : ComplaintStoreTests<PostgresTestDatabase>(database);
