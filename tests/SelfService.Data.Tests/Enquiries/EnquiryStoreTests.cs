using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.Enquiries;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;

namespace SelfService.Data.Tests.Enquiries;

/// <summary>Logging, matching and escalating members' enquiries, on each provider.</summary>
public abstract class EnquiryStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly RequestContact Contact = new("Leeds City Council", "send.team@example.org", new Uri("https://send.example.org"));
    private static readonly DateTime Now = new(2026, 12, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 24);

    [Fact]
    public async Task Logging_numbers_the_enquiry_keeps_the_consent_and_queues_the_acknowledgement_once()
    {
        var (member, viewer) = await AddMemberAsync();
        Guid draftId;
        await using (var db = database.NewContext())
        {
            draftId = (await Store(db).SaveDraftAsync(null, viewer.AccountId, Answers(consent: true), Now)).Id;
        }

        LoggedEnquiry? first;
        LoggedEnquiry? second;
        await using (var db = database.NewContext())
        {
            first = await Store(db).LogAsync(draftId, viewer, Contact, Now, Today);
        }

        await using (var db = database.NewContext())
        {
            second = await Store(db).LogAsync(draftId, viewer, Contact, Now, Today);
        }

        Assert.NotNull(first);
        Assert.Matches(@"^MQ-2026-\d{5}$", first.Reference);
        Assert.Equal(new DateOnly(2026, 12, 30), first.AcknowledgeBy);
        Assert.Equal(new DateOnly(2027, 1, 12), first.RespondBy);
        Assert.False(first.AlreadyLogged);
        Assert.True(second!.AlreadyLogged);
        Assert.Equal(first.Reference, second.Reference);

        await using var check = database.NewContext();
        var stored = await check.Set<MemberEnquiry>().Include(e => e.Consent).SingleAsync(e => e.Reference == first.Reference);
        Assert.Equal(member.Id, stored.ElectedMemberId);
        Assert.Equal("Jo Brown", stored.Consent!.GivenBy);
        Assert.Equal(EnquiryConsentMethod.Email, stored.Consent.Method);
        var emails = await check.OutboxMessages.Where(m => m.Kind == "email." + EnquiryEmails.AcknowledgementKind && m.Recipient == member.Email).ToListAsync();
        var email = Assert.Single(emails);
        var body = OutboxEmail.TextBody(email);
        Assert.Contains(first.Reference, body, StringComparison.Ordinal);
        Assert.Contains("Wednesday 30 December 2026", body, StringComparison.Ordinal);
        Assert.Contains("Tuesday 12 January 2027", body, StringComparison.Ordinal);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "enquiry.logged" && a.EntityId == stored.Id.ToString()));
    }

    [Fact]
    public async Task Another_member_cannot_find_the_enquiry()
    {
        var (_, viewer) = await AddMemberAsync();
        var (_, other) = await AddMemberAsync();
        var reference = await LogAsync(viewer, consent: false, Today);

        await using var db = database.NewContext();
        Assert.NotNull(await Store(db).FindAsync(reference, viewer, Now, Today));
        Assert.Null(await Store(db).FindAsync(reference, other, Now, Today));
        Assert.DoesNotContain(await Store(db).ListAsync(other, Now), e => e.Reference == reference);
    }

    [Fact]
    public async Task Matching_with_consent_shows_the_case_summary_and_audits_who_matched_it()
    {
        var (_, viewer) = await AddMemberAsync();
        var withConsent = await LogAsync(viewer, consent: true, Today);
        var withoutConsent = await LogAsync(viewer, consent: false, Today);
        var (caseReference, caseId, staff) = await AddCaseAsync();

        await using (var db = database.NewContext())
        {
            var inbox = Inbox(db);
            Assert.Empty((await inbox.MatchAsync(withConsent, caseReference, staff, Now))!);
            Assert.Empty((await inbox.MatchAsync(withoutConsent, caseReference, staff, Now))!);
            var wrong = await inbox.MatchAsync(withConsent, "EHC-1999-000001", staff, Now);
            Assert.Equal("There is no case with the reference EHC-1999-000001", Assert.Single(wrong!).Message);
        }

        await using (var db = database.NewContext())
        {
            var seen = await Store(db).FindAsync(withConsent, viewer, Now, Today);
            Assert.Equal(caseReference, seen!.Case!.CaseReference);
            Assert.NotNull(seen.Case.Next);

            // The member has consent through the other enquiry, but this one was logged without: it shows nothing of the case.
            var general = await Store(db).FindAsync(withoutConsent, viewer, Now, Today);
            Assert.Null(general!.Case);
        }

        await using var check = database.NewContext();
        var audit = await check.AuditEntries.Where(a => a.Action == "enquiry.matched" && a.CaseId == caseId).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(staff.Email, a.Actor));
    }

    [Fact]
    public async Task Two_escalation_runs_at_once_email_the_manager_once_per_overdue_enquiry()
    {
        var (_, viewer) = await AddMemberAsync();
        var overdue = await LogAsync(viewer, consent: false, new DateOnly(2026, 11, 2)); // reply by 16 November
        var manager = $"manager.{Guid.NewGuid():N}@council.example";

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new EnquiryEscalator(db).RunAsync(Today, Now, Contact, [manager]);
        }));
        int again;
        await using (var db = database.NewContext())
        {
            again = await new EnquiryEscalator(db).RunAsync(Today.AddDays(1), Now.AddDays(1), Contact, [manager]);
        }

        await using var check = database.NewContext();
        var enquiry = await check.Set<MemberEnquiry>().SingleAsync(e => e.Reference == overdue);
        Assert.Equal(Now, enquiry.EscalatedAtUtc);
        var emails = await check.OutboxMessages.Where(m => m.Recipient == manager).ToListAsync();
        var email = Assert.Single(emails);
        Assert.Contains(overdue, OutboxEmail.TextBody(email), StringComparison.Ordinal);
        Assert.True(runs.Sum() >= 1);
        Assert.Equal(0, again);
        Assert.Equal(1, await check.Set<EnquiryHistoryEntry>().CountAsync(h => h.EnquiryId == enquiry.Id && h.Kind == EnquiryHistoryKind.Escalated));
    }

    [Fact]
    public async Task An_answered_enquiry_is_never_escalated()
    {
        var (_, viewer) = await AddMemberAsync();
        var answered = await LogAsync(viewer, consent: false, new DateOnly(2026, 11, 2));
        var (_, _, staff) = await AddCaseAsync();
        await using (var db = database.NewContext())
        {
            Assert.Empty((await Inbox(db).ReplyAsync(answered, "General information about the process.", staff, Contact, Now, Today))!);
        }

        var manager = $"manager.{Guid.NewGuid():N}@council.example";
        await using (var db = database.NewContext())
        {
            await new EnquiryEscalator(db).RunAsync(Today, Now, Contact, [manager]);
        }

        await using var check = database.NewContext();
        Assert.Null((await check.Set<MemberEnquiry>().SingleAsync(e => e.Reference == answered)).EscalatedAtUtc);
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.Recipient == manager));
    }

    private static MemberEnquiryStore Store(CaseStoreDbContext db) => new(db, ServiceLevels.Default, WorkingDayCalendar.EnglandAndWales);

    private static EnquiryInbox Inbox(CaseStoreDbContext db) => new(db, new CaseReader(db, TimeProvider.System), WorkingDayCalendar.EnglandAndWales);

    private async Task<string> LogAsync(Viewer viewer, bool consent, DateOnly on)
    {
        await using var db = database.NewContext();
        var draft = await Store(db).SaveDraftAsync(null, viewer.AccountId, Answers(consent), Now);
        return (await Store(db).LogAsync(draft.Id, viewer, Contact, Now, on))!.Reference;
    }

    private async Task<(ElectedMember Member, Viewer Viewer)> AddMemberAsync()
    {
        var email = $"cllr.{Guid.NewGuid():N}@example.com";
        var member = new ElectedMember(Guid.NewGuid(), ElectedMemberKind.Councillor, "Cllr Test", email, "Roundhay", null);
        await using var db = database.NewContext();
        db.ElectedMembers.Add(member);
        await db.SaveChangesAsync();
        return (member, new Viewer { AccountId = Guid.NewGuid(), Email = email, ElectedMemberId = member.Id });
    }

    private async Task<(string Reference, Guid CaseId, Viewer Staff)> AddCaseAsync()
    {
        await using var db = database.NewContext();
        var people = await TestData.AddPeopleAsync(db);
        var reference = ("EHC-T" + Guid.NewGuid().ToString("N")[..10]).ToUpperInvariant();
        var received = new DateOnly(2026, 11, 2);
        var assessmentCase = await new CaseCommands(db).OpenAsync(
            Guid.NewGuid(), reference, people.Child.Id,
            new Domain.Assessments.RequestReceived(Guid.NewGuid(), received, Domain.Assessments.Requester.SchoolWithParentalConsent, people.School.Id, received.AddDays(-3)),
            TestData.Recording());
        var staff = new Viewer { AccountId = Guid.NewGuid(), Email = people.Caseworker.Email, StaffMemberId = people.Caseworker.Id, StaffRole = StaffRole.Caseworker };
        return (assessmentCase.Reference, assessmentCase.Id, staff);
    }

    private static EnquiryAnswers Answers(bool consent) => new(
        "Eleanor", "Brown", new DateOnly(2018, 5, 1), "Jo Brown", "LS7 3AB", null, "Waiting too long for a decision.", EnquiryCategory.Delay,
        consent ? new EnquiryConsentAnswer("Jo Brown", EnquiryConsentMethod.Email, new DateOnly(2026, 11, 20)) : null);
}

public sealed class SqliteEnquiryStoreTests(SqliteTestDatabase database) : EnquiryStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresEnquiryStoreTests(PostgresTestDatabase database) : EnquiryStoreTests<PostgresTestDatabase>(database);
