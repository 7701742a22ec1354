using Microsoft.EntityFrameworkCore;
using SelfService.Data.Casework;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;

namespace SelfService.Data.Tests.Casework;

/// <summary>
/// Advice invitations and the documents the council adds to a case: each is stored with its event
/// or not at all, and a link opens its one request only while the advice is outstanding.
/// </summary>
public abstract class CaseDocumentTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly ReceivedOn = new(2026, 9, 1);
    private static readonly DateOnly AskedOn = new(2026, 10, 1);
    private static readonly DateTime Now = new(2026, 10, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_invitation_stores_only_the_hash_and_emails_the_adviser_a_link_due_in_six_weeks()
    {
        var (caseId, adviceId, token) = await AssessingCaseWithInvitationAsync();

        await using var db = database.NewContext();
        var invitation = await db.Set<AdviceInvitation>().SingleAsync(i => i.CaseId == caseId);
        Assert.Equal(AdviceInvitation.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(adviceId, invitation.AdviceRequestId);
        Assert.Equal(AskedOn.AddDays(42), invitation.DueOn);
        var email = await db.OutboxMessages.SingleAsync(m => m.Kind == "email." + CaseActions.AdviceInvitationKind && m.Recipient == "ep@psychology.example");
        var body = OutboxEmail.TextBody(email);
        Assert.Contains("https://send.example/advice/" + token, body, StringComparison.Ordinal);
        Assert.Contains("12 November 2026", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Samuel", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adviser_opens_the_link_uploads_and_the_advice_is_received_with_the_report()
    {
        var (caseId, adviceId, token) = await AssessingCaseWithInvitationAsync();

        await using (var db = database.NewContext())
        {
            var invitations = Invitations(db);
            var open = await invitations.OpenAsync(token, AskedOn.AddDays(10), Now, default);
            Assert.NotNull(open);
            Assert.Equal("Samuel Okafor", open.ChildName);
            Assert.Equal(AdviserKind.EducationalPsychologist, open.Adviser);
            await invitations.SubmitAsync(open, Report("ep-report.pdf"), AskedOn.AddDays(10), Now, default);
        }

        await using var fresh = database.NewContext();
        var stored = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        var received = Assert.Single(stored.Events.OfType<AdviceReceived>());
        Assert.Equal(adviceId, received.AdviceRequestId);
        Assert.Equal("adviser:ep@psychology.example", received.RecordedBy);
        var document = await fresh.Set<CaseDocument>().SingleAsync(d => d.CaseId == caseId);
        Assert.Equal((CaseDocumentKind.Advice, adviceId, "ep-report.pdf"), (document.Kind, document.AdviceRequestId, document.FileName));
        var actions = await fresh.AuditEntries.Where(a => a.CaseId == caseId).Select(a => a.Action).ToListAsync();
        Assert.Contains("case.adviceInvitationOpened", actions);
        Assert.Contains("case.adviceReceived", actions);
        Assert.Null(await Invitations(fresh).OpenAsync(token, AskedOn.AddDays(11), Now, default));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task A_token_that_was_never_issued_opens_nothing(string token)
    {
        await AssessingCaseWithInvitationAsync();

        await using var db = database.NewContext();
        Assert.Null(await Invitations(db).OpenAsync(token, AskedOn, Now, default));
    }

    [Fact]
    public async Task A_link_stops_working_six_months_after_it_was_sent_and_when_the_case_closes()
    {
        var (caseId, _, token) = await AssessingCaseWithInvitationAsync();
        var sentOn = DateOnly.FromDateTime(Now);

        await using (var db = database.NewContext())
        {
            Assert.NotNull(await Invitations(db).OpenAsync(token, sentOn.AddDays(182), Now, default));
            Assert.Null(await Invitations(db).OpenAsync(token, sentOn.AddDays(183), Now, default));
        }

        await using (var db = database.NewContext())
        {
            await Actions(db).WithdrawAsync(caseId, AskedOn.AddDays(3), "The family moved away", TestData.Recording(), default);
        }

        await using var fresh = database.NewContext();
        Assert.Null(await Invitations(fresh).OpenAsync(token, AskedOn.AddDays(4), Now, default));
    }

    [Fact]
    public async Task An_upload_that_loses_to_the_caseworker_stores_no_document()
    {
        var (caseId, adviceId, token) = await AssessingCaseWithInvitationAsync();
        await using var adviserDb = database.NewContext();
        var open = await Invitations(adviserDb).OpenAsync(token, AskedOn.AddDays(5), Now, default);
        Assert.NotNull(open);

        await using (var db = database.NewContext())
        {
            await Actions(db).RecordAdviceReceivedAsync(caseId, adviceId, AskedOn.AddDays(5), TestData.Recording(), null, default);
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => Invitations(adviserDb).SubmitAsync(open, Report("late.pdf"), AskedOn.AddDays(5), Now, default));
        Assert.Equal("advice.alreadyReceived", refused.Code);
        await using var fresh = database.NewContext();
        Assert.False(await fresh.Set<CaseDocument>().AnyAsync(d => d.CaseId == caseId));
    }

    [Fact]
    public async Task Serving_the_draft_plan_stores_the_document_with_the_event_and_a_refused_serve_stores_none()
    {
        var (caseId, _, _) = await AssessingCaseWithInvitationAsync();
        await using (var db = database.NewContext())
        {
            var actions = Actions(db);
            var early = await Assert.ThrowsAsync<DomainException>(() => actions.ServeDraftPlanAsync(caseId, ReceivedOn.AddDays(-1), Report("too-early.pdf"), TestData.Recording(), default));
            Assert.Equal("case.outOfOrder", early.Code);
        }

        await using (var db = database.NewContext())
        {
            await Actions(db).ServeDraftPlanAsync(caseId, AskedOn.AddDays(20), Report("draft-plan.pdf"), TestData.Recording(), default);
        }

        await using var fresh = database.NewContext();
        var document = await fresh.Set<CaseDocument>().SingleAsync(d => d.CaseId == caseId);
        Assert.Equal((CaseDocumentKind.DraftPlan, "draft-plan.pdf", "caseworker@council.example"), (document.Kind, document.FileName, document.UploadedBy));
        Assert.Equal(CaseStage.DraftPlanIssued, (await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId)).Stage);
    }

    private async Task<(Guid CaseId, Guid AdviceId, string Token)> AssessingCaseWithInvitationAsync()
    {
        Guid caseId;
        await using (var db = database.NewContext())
        {
            var people = await TestData.AddPeopleAsync(db);
            caseId = (await new CaseCommands(db).OpenAsync(Guid.NewGuid(), TestData.NewReference(), people.Child.Id, new RequestReceived(Guid.NewGuid(), ReceivedOn, Requester.Parent, null, null), TestData.Recording())).Id;
        }

        await using (var db = database.NewContext())
        {
            await Actions(db).DecideToAssessAsync(caseId, ReceivedOn.AddDays(20), agreed: true, null, TestData.Recording(), default);
        }

        var adviceId = Guid.NewGuid();
        string? token = null;
        await using (var db = database.NewContext())
        {
            var invite = new AdviserInvite("ep@psychology.example", "Leeds City Council", t => "https://send.example/advice/" + (token = t));
            await Actions(db).RequestAdviceAsync(caseId, adviceId, AskedOn, AdviserKind.EducationalPsychologist, "Dr Ruth Ellis", invite, new Recording("caseworker@council.example", Now), default);
        }

        return (caseId, adviceId, token!);
    }

    private static CaseActions Actions(CaseStoreDbContext db) => new(db, new CaseCommands(db), WorkingDayCalendar.EnglandAndWales);

    private static AdviceInvitations Invitations(CaseStoreDbContext db) => new(db, Actions(db));

    private static StoredFile Report(string name) =>
        new(name, "clean/" + Guid.NewGuid().ToString("N"), DocumentKind.Pdf, "application/pdf", 1234, new string('a', 64), DocumentScanStatus.Clean, null);
}

public sealed class SqliteCaseDocumentTests(SqliteTestDatabase database) : CaseDocumentTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseDocumentTests(PostgresTestDatabase database) : CaseDocumentTests<PostgresTestDatabase>(database);
