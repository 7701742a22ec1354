using Microsoft.EntityFrameworkCore;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Requests;

namespace SelfService.Data.Tests.Requests;

/// <summary>Drafts, case numbering and sending a request, on each provider.</summary>
public abstract class RequestSubmissionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RequestContact Contact = new("Leeds City Council", "send.team@example.org", new Uri("https://send.example.org"));

    [Fact]
    public async Task Concurrent_reference_allocations_are_all_different_and_consecutive()
    {
        await using var scratch = await database.CreateScratchAsync();
        await using (var setup = scratch.NewContext())
        {
            await new CaseStoreMigrator(setup, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        }

        const int Requests = 12;
        var references = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async _ =>
        {
            await using var db = scratch.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var reference = await CaseReferences.NextAsync(db, 2026);
            await transaction.CommitAsync();
            return reference;
        }));

        Assert.Equal(Requests, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Requests).Select(n => CaseReferences.Format(2026, n)), references.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rolled_back_allocation_gives_its_number_back()
    {
        await using var scratch = await database.CreateScratchAsync();
        await using var db = scratch.NewContext();
        await new CaseStoreMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("EHC-2030-000001", await CaseReferences.NextAsync(db, 2030));
            await transaction.RollbackAsync();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("EHC-2030-000001", await CaseReferences.NextAsync(db, 2030));
            Assert.Equal("EHC-2030-000002", await CaseReferences.NextAsync(db, 2030));
            await transaction.CommitAsync();
        }
    }

    [Fact]
    public async Task Sending_a_parents_draft_opens_a_case_with_the_child_the_parents_and_a_specific_email()
    {
        var account = Guid.NewGuid();
        var email = $"new.parent.{Guid.NewGuid():N}@example.com";
        var draftId = await CompleteDraftAsync(account, ParentAnswers(email));
        var viewer = new Viewer { AccountId = account, Email = email };

        SubmittedRequest? sent;
        await using (var db = database.NewContext())
        {
            sent = await new RequestSubmitter(db, new CaseCommands(db)).SubmitAsync(draftId, viewer, Contact, Now, Today);
        }

        Assert.NotNull(sent);
        Assert.False(sent.AlreadySubmitted);
        Assert.Matches(@"^EHC-2026-\d{6}$", sent.Reference);

        await using var check = database.NewContext();
        var opened = await check.AssessmentCases.WithEvents().SingleAsync(c => c.Id == sent.CaseId);
        Assert.Equal(Today, opened.RequestReceivedOn);
        Assert.Equal(Requester.Parent, opened.Requester);
        var child = await check.Children.SingleAsync(c => c.Id == opened.ChildId);
        Assert.Equal("Ellie", child.KnownAs);
        var parent = await check.ParentCarers.SingleAsync(p => p.Email == email);
        Assert.True(await check.ChildParents.AnyAsync(l => l.ChildId == child.Id && l.ParentCarerId == parent.Id && l.HasParentalResponsibility));

        var draft = await check.Set<RequestDraft>().SingleAsync(d => d.Id == draftId);
        Assert.Equal(RequestDraftStatus.Submitted, draft.Status);
        Assert.Equal(sent.CaseId, draft.CaseId);

        var message = await check.OutboxMessages.SingleAsync(m => m.Recipient == email);
        var body = OutboxEmail.TextBody(message);
        Assert.Contains(sent.Reference, message.Subject, StringComparison.Ordinal);
        Assert.Contains("Ellie Brown", body, StringComparison.Ordinal);
        Assert.Contains("by 4 January 2027", body, StringComparison.Ordinal);   // 23 Nov 2026 + 6 weeks
        Assert.Contains("by 12 April 2027", body, StringComparison.Ordinal);    // + 20 weeks
        Assert.Contains("https://send.example.org/cases/" + sent.Reference, body, StringComparison.Ordinal);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "request.submitted" && a.CaseId == sent.CaseId));
    }

    [Fact]
    public async Task Sending_the_same_draft_twice_at_once_makes_one_case()
    {
        var account = Guid.NewGuid();
        var email = $"twice.{Guid.NewGuid():N}@example.com";
        var draftId = await CompleteDraftAsync(account, ParentAnswers(email));
        var viewer = new Viewer { AccountId = account, Email = email };

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new RequestSubmitter(db, new CaseCommands(db)).SubmitAsync(draftId, viewer, Contact, Now, Today);
        }));

        Assert.Single(results.Select(r => r!.CaseId).Distinct());
        Assert.Equal(2, results.Count(r => r!.AlreadySubmitted));
        await using var check = database.NewContext();
        var parentIds = await check.ParentCarers.Where(p => p.Email == email).Select(p => p.Id).ToListAsync();
        var childIds = await check.ChildParents.Where(l => parentIds.Contains(l.ParentCarerId)).Select(l => l.ChildId).ToListAsync();
        Assert.Single(parentIds);
        Assert.Equal(1, await check.AssessmentCases.CountAsync(c => childIds.Contains(c.ChildId)));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Recipient == email));
    }

    [Fact]
    public async Task A_draft_that_is_not_complete_cannot_be_sent_and_stores_nothing()
    {
        var account = Guid.NewGuid();
        var email = $"incomplete.{Guid.NewGuid():N}@example.com";
        var draftId = await CompleteDraftAsync(account, ParentAnswers(email) with { Needs = null });

        await using (var db = database.NewContext())
        {
            var viewer = new Viewer { AccountId = account, Email = email };
            await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
                new RequestSubmitter(db, new CaseCommands(db)).SubmitAsync(draftId, viewer, Contact, Now, Today));
        }

        await using var check = database.NewContext();
        Assert.Equal(RequestDraftStatus.Draft, (await check.Set<RequestDraft>().SingleAsync(d => d.Id == draftId)).Status);
        Assert.False(await check.ParentCarers.AnyAsync(p => p.Email == email));
    }

    [Fact]
    public async Task Another_accounts_draft_is_not_found_and_cannot_be_sent()
    {
        var owner = Guid.NewGuid();
        var draftId = await CompleteDraftAsync(owner, ParentAnswers("owner@example.com"));
        await using var db = database.NewContext();
        var stranger = new Viewer { AccountId = Guid.NewGuid(), Email = "stranger@example.com" };
        Assert.Null(await new RequestDraftStore(db).FindAsync(draftId, stranger.AccountId));
        Assert.Null(await new RequestSubmitter(db, new CaseCommands(db)).SubmitAsync(draftId, stranger, Contact, Now, Today));
    }

    [Fact]
    public async Task A_stale_save_of_a_draft_is_refused()
    {
        var account = Guid.NewGuid();
        Guid draftId;
        await using (var db = database.NewContext())
        {
            draftId = (await new RequestDraftStore(db).StartAsync(account, "p@example.com", Now)).Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var one = (await new RequestDraftStore(first).FindAsync(draftId, account))!;
        var two = (await new RequestDraftStore(second).FindAsync(draftId, account))!;
        await new RequestDraftStore(first).SaveAsync(one, a => a with { DocumentsConfirmed = true }, "p@example.com", "request.documents", Now);
        await Assert.ThrowsAsync<RequestDraftConflictException>(() =>
            new RequestDraftStore(second).SaveAsync(two, a => a with { DocumentsConfirmed = false }, "p@example.com", "request.documents", Now));
    }

    [Fact]
    public async Task A_school_request_records_consent_the_school_and_emails_parents_and_school()
    {
        TestPeople people;
        await using (var db = database.NewContext())
        {
            people = await TestData.AddPeopleAsync(db);
        }

        var account = Guid.NewGuid();
        var sencoEmail = $"senco.{Guid.NewGuid():N}@example.com";
        var parentEmail = $"parent.{Guid.NewGuid():N}@example.com";
        var answers = ParentAnswers(parentEmail) with
        {
            WhoIsAsking = new WhoIsAskingAnswer(Requester.SchoolWithParentalConsent, people.School.Id, people.School.Name),
            Consent = new ConsentAnswer("Jo Brown", ConsentMethod.InWriting, Today.AddDays(-2)),
            Parents = [new ParentAnswer("Jo", "Brown", ParentRelationship.Mother, parentEmail, null, IsRequester: false)],
            School = new SchoolAnswer(true, people.School.Name, people.School.Urn, people.School.Id),
            SupportHistory = new SupportHistoryAnswer(true, 3, "Small-group phonics, visual timetable.", "Some progress, gap widening."),
        };
        var draftId = await CompleteDraftAsync(account, answers);
        var viewer = new Viewer { AccountId = account, Email = sencoEmail, SchoolIds = new HashSet<Guid> { people.School.Id } };

        SubmittedRequest sent;
        await using (var db = database.NewContext())
        {
            sent = (await new RequestSubmitter(db, new CaseCommands(db)).SubmitAsync(draftId, viewer, Contact, Now, Today))!;
        }

        await using var check = database.NewContext();
        var opened = await check.AssessmentCases.WithEvents().SingleAsync(c => c.Id == sent.CaseId);
        Assert.Equal(Requester.SchoolWithParentalConsent, opened.Requester);
        Assert.Equal(people.School.Id, opened.RequestingSchoolId);
        Assert.Equal(Today.AddDays(-2), Assert.IsType<RequestReceived>(opened.Events[0]).ParentalConsentGivenOn);
        Assert.Equal(people.School.Id, (await check.Children.SingleAsync(c => c.Id == opened.ChildId)).SchoolId);
        var recipients = await check.OutboxMessages.Where(m => m.Subject!.Contains(sent.Reference)).Select(m => m.Recipient).ToListAsync();
        Assert.Equal(new[] { parentEmail, sencoEmail }.Order(), recipients.Order());
    }

    private async Task<Guid> CompleteDraftAsync(Guid account, RequestAnswers answers)
    {
        await using var db = database.NewContext();
        var store = new RequestDraftStore(db);
        var draft = await store.StartAsync(account, "someone@example.com", Now);
        await store.SaveAsync(draft, _ => answers, "someone@example.com", "request.test", Now);
        return draft.Id;
    }

    private static RequestAnswers ParentAnswers(string email) => new()
    {
        WhoIsAsking = new WhoIsAskingAnswer(Requester.Parent, null, null),
        Child = new ChildAnswer(null, "Eleanor", "Brown", "Ellie", new DateOnly(2018, 5, 1), "LS7 3AB"),
        Parents = [new ParentAnswer("Jo", "Brown", ParentRelationship.Mother, email, null, IsRequester: true)],
        School = new SchoolAnswer(false, null, null, null),
        Needs = new NeedsAnswer([NeedArea.CommunicationAndInteraction], "Finds it hard to follow instructions."),
        SupportHistory = new SupportHistoryAnswer(false, null, null, null),
        Views = new ViewsAnswer("Ellie wants to make friends.", null),
        Professionals = [],
        DocumentsConfirmed = true,
        Declaration = new DeclarationAnswer(true, Now),
    };
}

public sealed class SqliteRequestSubmissionTests(SqliteTestDatabase database) : RequestSubmissionTests<SqliteTestDatabase>(database);

public sealed class PostgresRequestSubmissionTests(PostgresTestDatabase database) : RequestSubmissionTests<PostgresTestDatabase>(database);
