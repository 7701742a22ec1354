using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Tests.Cases;

/// <summary>A family's response to a draft plan: a domain change with its audit entry and a confirmation email.</summary>
public abstract class DraftPlanResponsesTests<TDatabase>(DemoSeededDatabase<TDatabase> database) : IClassFixture<DemoSeededDatabase<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly Today = DemoSeededDatabase<TDatabase>.SeededOn;
    private static readonly DateOnly RubyDraftServed = Today.AddDays(-160 + 155);
    private static readonly string RubyReference = DemoCast.CaseReference(Today.AddDays(-160), DemoCast.RubyCaseNumber);

    private static readonly Viewer Nadia = new() { AccountId = Guid.NewGuid(), Email = DemoCast.RubyParentEmail, ParentCarerId = DemoCast.RubyParentId };
    private static readonly Viewer Helen = new() { AccountId = Guid.NewGuid(), Email = DemoCast.ParentEmail, ParentCarerId = DemoCast.ParentId };
    private static readonly Viewer SharedMailbox = new() { AccountId = Guid.NewGuid(), Email = DemoCast.SharedSencoMailboxEmail, SchoolIds = new HashSet<Guid> { DemoCast.SecondarySchoolId } };

    private static DraftPlanResponses Responses(CaseStoreDbContext db) =>
        new(db, new CaseReader(db, TimeProvider.System), new CaseCommands(db), TimeProvider.System);

    [Fact]
    public void The_deadline_is_the_fourteenth_day_after_service() =>
        Assert.Equal(new DateOnly(2026, 12, 15), DraftPlanResponses.DeadlineFor(new DateOnly(2026, 12, 1)));

    [Fact]
    public async Task A_response_within_the_15_days_is_recorded_with_an_audit_entry_and_a_confirmation_email()
    {
        var comments = $"Please add speech and language therapy weekly ({Guid.NewGuid():N}).";
        await using (var db = database.NewContext())
        {
            var result = await Responses(db).RecordAsync(
                RubyReference, Nadia, new DraftPlanResponse(comments, true, DemoCast.SecondarySchoolId), Today);

            Assert.Equal(DraftPlanResponseOutcome.Recorded, result.Outcome);
            Assert.False(result.IsLate);
            Assert.Equal(RubyDraftServed.AddDays(14), result.Deadline);
        }

        await using var fresh = database.NewContext();
        var ruby = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == DemoCast.RubyCaseId);
        var response = Assert.Single(ruby.Events.OfType<RepresentationsReceived>(), e => e.Summary == comments);
        Assert.True(response.MeetingRequested);
        Assert.Equal(DemoCast.SecondarySchoolId, response.RequestedSchoolId);
        Assert.Equal(DemoCast.RubyParentEmail, response.RecordedBy);
        Assert.True(await fresh.AuditEntries.AnyAsync(a => a.CaseId == DemoCast.RubyCaseId && a.Action == DraftPlanResponses.OnTimeAction));

        var email = await fresh.OutboxMessages.Where(m => m.Recipient == DemoCast.RubyParentEmail && m.Kind == "email." + DraftPlanResponses.EmailKind)
            .OrderBy(m => m.CreatedAtUtc).LastAsync();
        Assert.Contains(RubyReference, email.Subject, StringComparison.Ordinal);
        var body = OutboxEmail.TextBody(email);
        Assert.Contains("Ruby Ahmed", body, StringComparison.Ordinal);
        Assert.Contains(RubyReference, body, StringComparison.Ordinal);
        Assert.Contains(DemoCast.SecondarySchoolName, body, StringComparison.Ordinal);
        Assert.Contains("What happens next", body, StringComparison.Ordinal);
        Assert.Contains(ruby.Timeline(Today).NextStep, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_response_is_still_accepted_and_recorded_as_late()
    {
        var deadline = RubyDraftServed.AddDays(14);
        var lateDay = deadline.AddDays(3);
        var comments = $"Sorry this is late ({Guid.NewGuid():N}).";
        await using (var db = database.NewContext())
        {
            var result = await Responses(db).RecordAsync(RubyReference, Nadia, new DraftPlanResponse(comments, false, null), lateDay);

            Assert.Equal(DraftPlanResponseOutcome.Recorded, result.Outcome);
            Assert.Equal(3, result.DaysLate);
        }

        await using var fresh = database.NewContext();
        var ruby = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == DemoCast.RubyCaseId);
        Assert.Single(ruby.Events.OfType<RepresentationsReceived>(), e => e.Summary == comments && e.OccurredOn == lateDay);
        Assert.True(await fresh.AuditEntries.AnyAsync(a => a.CaseId == DemoCast.RubyCaseId && a.Action == DraftPlanResponses.LateAction && a.Actor == DemoCast.RubyParentEmail));
        var body = OutboxEmail.TextBody(await fresh.OutboxMessages.Where(m => m.Recipient == DemoCast.RubyParentEmail).OrderBy(m => m.CreatedAtUtc).LastAsync());
        Assert.Contains("3 days late", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_may_see_but_not_respond_and_someone_who_may_not_see_both_get_not_found()
    {
        await using var db = database.NewContext();
        var responses = Responses(db);
        var events = await db.CaseEvents.CountAsync(e => e.CaseId == DemoCast.RubyCaseId);

        Assert.Equal(DraftPlanResponseOutcome.NotFound, (await responses.RecordAsync(RubyReference, SharedMailbox, new("x", false, null), Today)).Outcome);
        Assert.Equal(DraftPlanResponseOutcome.NotFound, (await responses.RecordAsync(RubyReference, Helen, new("x", false, null), Today)).Outcome);
        Assert.Equal(DraftPlanResponseOutcome.NotFound, (await responses.RecordAsync(RubyReference, Viewer.Anonymous, new("x", false, null), Today)).Outcome);
        Assert.Equal(events, await db.CaseEvents.CountAsync(e => e.CaseId == DemoCast.RubyCaseId));
    }

    [Fact]
    public async Task A_case_with_no_draft_out_takes_no_response()
    {
        await using var db = database.NewContext();

        var result = await Responses(db).RecordAsync(DemoCast.SamCaseReference(Today), Helen, new("x", false, null), Today);

        Assert.Equal(DraftPlanResponseOutcome.NoDraftToRespondTo, result.Outcome);
        Assert.False(await db.CaseEvents.OfType<RepresentationsReceived>().AnyAsync(e => e.CaseId == DemoCast.SamCaseId));
    }

    [Fact]
    public async Task After_a_late_response_the_clock_shows_the_family_s_window_as_late()
    {
        var lateDay = RubyDraftServed.AddDays(20);
        await using var db = database.NewContext();
        var ruby = await db.AssessmentCases.AsNoTracking().WithEvents().SingleAsync(c => c.Id == DemoCast.RubyCaseId);
        var events = ruby.Events.Where(e => e is not RepresentationsReceived)
            .Append(new RepresentationsReceived(Guid.NewGuid(), lateDay, false, null, null)).ToList();

        var window = StatutoryClock.Calculate(events, lateDay).Find(MilestoneKeys.DraftResponseDeadline);

        Assert.Equal(MilestoneStatus.Late, window?.Status);
        Assert.Equal(6, window?.DaysOverdue);
    }
}

public sealed class SqliteDraftPlanResponsesTests(DemoSeededDatabase<SqliteTestDatabase> database) : DraftPlanResponsesTests<SqliteTestDatabase>(database);

public sealed class PostgresDraftPlanResponsesTests(DemoSeededDatabase<PostgresTestDatabase> database) : DraftPlanResponsesTests<PostgresTestDatabase>(database);
