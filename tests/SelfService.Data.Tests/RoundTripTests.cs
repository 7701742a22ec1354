using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Tests;

/// <summary>What is saved comes back the same in a fresh context: dates, enums, UTC instants, the aggregates' derived state.</summary>
public abstract class RoundTripTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_case_with_every_kind_of_event_comes_back_whole_and_in_order()
    {
        TestPeople people;
        AssessmentCase saved;
        AssessmentCase withdrawn;
        await using (var db = database.NewContext())
        {
            people = await TestData.AddPeopleAsync(db);
            saved = TestData.CaseToFinalPlan(people);
            withdrawn = TestData.OpenCase(people, new DateOnly(2026, 2, 2));
            withdrawn.Withdraw(new RequestWithdrawn(Guid.NewGuid(), new DateOnly(2026, 2, 9), "Family moved out of the area"), TestData.Recording());
            db.AssessmentCases.AddRange(saved, withdrawn);
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var loaded = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == saved.Id);
        var loadedWithdrawn = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == withdrawn.Id);

        Assert.Equal(saved.Reference, loaded.Reference);
        Assert.Equal(CaseStage.FinalPlanIssued, loaded.Stage);
        Assert.True(loaded.IsClosed);
        Assert.Equal(new DateOnly(2026, 5, 20), loaded.ClosedOn);
        Assert.Equal(new DateOnly(2026, 1, 5), loaded.RequestReceivedOn);
        Assert.Equal(new DateOnly(2026, 2, 20), loaded.DecisionToAssessOn);
        Assert.Equal(new DateOnly(2026, 4, 15), loaded.DraftPlanServedOn);
        Assert.Equal(new DateOnly(2026, 5, 20), loaded.FinalPlanIssuedOn);
        Assert.Equal(Requester.SchoolWithParentalConsent, loaded.Requester);
        Assert.Equal(people.School.Id, loaded.RequestingSchoolId);
        Assert.Equal(people.Caseworker.Id, loaded.CaseworkerId);
        Assert.Equal(saved.Version, loaded.Version);

        Assert.Equal(
            saved.Events.Select(e => (e.Id, e.GetType(), e.Sequence, e.OccurredOn)),
            loaded.Events.Select(e => (e.Id, e.GetType(), e.Sequence, e.OccurredOn)));
        Assert.All(loaded.Events, e =>
        {
            Assert.Equal(DateTimeKind.Utc, e.RecordedAtUtc.Kind);
            Assert.Equal(TestData.RecordedAt, e.RecordedAtUtc);
            Assert.Equal("caseworker@council.example", e.RecordedBy);
            Assert.Equal(loaded.Id, e.CaseId);
        });

        var request = Assert.IsType<RequestReceived>(loaded.Events[0]);
        Assert.Equal(new DateOnly(2026, 1, 2), request.ParentalConsentGivenOn);
        var exception = loaded.Events.OfType<ExceptionApplied>().Single();
        Assert.Equal((ExceptionKind.SchoolClosure, new DateOnly(2026, 2, 10), "School closed for rebuilding"), (exception.Kind, exception.ExpectedEnd, exception.Reason));
        Assert.Equal(exception.Id, loaded.Events.OfType<ExceptionEnded>().Single().ExceptionId);
        var advice = loaded.Events.OfType<AdviceRequested>().Single();
        Assert.Equal((AdviserKind.EducationalPsychologist, "Dr Lee"), (advice.Adviser, advice.AdviserName));
        Assert.Equal(advice.Id, loaded.Events.OfType<AdviceReceived>().Single().AdviceRequestId);
        Assert.True(loaded.Events.OfType<DecisionToAssess>().Single().Agreed);
        Assert.True(loaded.Events.OfType<DecisionToIssue>().Single().Issue);
        var representations = loaded.Events.OfType<RepresentationsReceived>().Single();
        Assert.Equal((true, people.School.Id, "Parents would like a meeting"), (representations.MeetingRequested, representations.RequestedSchoolId, representations.Summary));
        Assert.Equal(people.School.Id, loaded.Events.OfType<FinalPlanIssued>().Single().NamedSchoolId);

        Assert.Equal(CaseStage.Withdrawn, loadedWithdrawn.Stage);
        Assert.Equal("Family moved out of the area", loadedWithdrawn.Events.OfType<RequestWithdrawn>().Single().Reason);

        var types = await fresh.CaseEvents.Where(e => e.CaseId == saved.Id || e.CaseId == withdrawn.Id)
            .Select(e => EF.Property<string>(e, "Type")).Distinct().CountAsync();
        Assert.Equal(11, types);
    }

    [Fact]
    public async Task A_loaded_case_carries_on_where_it_left_off()
    {
        Guid caseId;
        await using (var db = database.NewContext())
        {
            var people = await TestData.AddPeopleAsync(db);
            var opened = TestData.OpenCase(people, new DateOnly(2026, 3, 1));
            caseId = opened.Id;
            db.AssessmentCases.Add(opened);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
            loaded.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), new DateOnly(2026, 4, 1), agreed: false, "Needs can be met from the school's resources"), TestData.Recording());
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var reloaded = await fresh.AssessmentCases.WithEvents().SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStage.AssessmentRefused, reloaded.Stage);
        Assert.Equal([1, 2], reloaded.Events.Select(e => e.Sequence));
        Assert.Equal("Needs can be met from the school's resources", reloaded.Events.OfType<DecisionToAssess>().Single().Reason);
    }

    [Fact]
    public async Task A_plan_comes_back_with_its_reviews_and_phase_transfer()
    {
        EhcPlan saved;
        await using (var db = database.NewContext())
        {
            var people = await TestData.AddPeopleAsync(db);
            saved = TestData.PlanWithReviews(people, caseId: null);
            db.EhcPlans.Add(saved);
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var loaded = await fresh.EhcPlans.WithReviews().SingleAsync(p => p.Id == saved.Id);
        Assert.Equal(new PhaseTransfer(PhaseTransferKind.School, 2027), loaded.PhaseTransfer);
        Assert.Equal(saved.Version, loaded.Version);
        Assert.Equal(2, loaded.Reviews.Count);
        var first = loaded.Reviews[0];
        Assert.True(first.IsComplete);
        Assert.Equal(ReviewDecision.Amend, first.Decision);
        Assert.Equal(new DateOnly(2027, 5, 30), first.FinalAmendedPlanIssuedOn);
        Assert.Equal(new DateOnly(2027, 4, 1), loaded.LastReviewMeetingOn);
        Assert.Equal(new DateOnly(2028, 4, 1), loaded.CurrentReview?.DueBy);

        // A plan without a phase transfer stores none, not an empty one.
        loaded.PlanPhaseTransfer(null);
        await fresh.SaveChangesAsync();
        await using var again = database.NewContext();
        Assert.Null((await again.EhcPlans.SingleAsync(p => p.Id == saved.Id)).PhaseTransfer);
    }

    [Fact]
    public async Task People_audit_and_outbox_rows_come_back_intact()
    {
        TestPeople people;
        var contact = new SchoolContact(Guid.NewGuid(), Guid.Empty, "Jo Bloggs", "senco@riverside.example", SchoolContactRole.Senco);
        var member = new ElectedMember(Guid.NewGuid(), ElectedMemberKind.Councillor, "Cllr Patel", $"cllr.{Guid.NewGuid():N}@council.example", "Headingley", party: null);
        var message = OutboxMessage.Create(TestData.RecordedAt, "email.test", """{"name":"Sam"}""", "ada@example.com", "Your request");
        var audit = new AuditEntry(TestData.RecordedAt, "admin@council.example", "person.added", "ElectedMember", member.Id.ToString()) { Detail = "Added" };
        await using (var db = database.NewContext())
        {
            people = await TestData.AddPeopleAsync(db);
            contact = new SchoolContact(contact.Id, people.School.Id, contact.Name, contact.Email, contact.Role);
            contact.Deactivate();
            db.AddRange(contact, member, message, audit);
            await db.SaveChangesAsync();
        }

        Assert.True(audit.Id > 0);
        await using var fresh = database.NewContext();
        var child = await fresh.Children.SingleAsync(c => c.Id == people.Child.Id);
        Assert.Equal(("Sam Okafor", new DateOnly(2016, 2, 29), people.School.Id), (child.DisplayName, child.DateOfBirth, child.SchoolId));
        Assert.Equal(SchoolPhase.Primary, (await fresh.Schools.SingleAsync(s => s.Id == people.School.Id)).Phase);
        Assert.Equal("07700 900123", (await fresh.ParentCarers.SingleAsync(p => p.Id == people.Parent.Id)).Phone);
        var link = await fresh.ChildParents.SingleAsync(l => l.ChildId == child.Id);
        Assert.Equal((people.Parent.Id, ParentRelationship.Mother, true), (link.ParentCarerId, link.Relationship, link.HasParentalResponsibility));
        Assert.False((await fresh.SchoolContacts.SingleAsync(c => c.Id == contact.Id)).Active);
        Assert.Null((await fresh.ElectedMembers.SingleAsync(m => m.Id == member.Id)).Party);
        Assert.Equal(StaffRole.Caseworker, (await fresh.StaffMembers.SingleAsync(s => s.Id == people.Caseworker.Id)).Role);

        var loadedMessage = await fresh.OutboxMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc), (loadedMessage.CreatedAtUtc.Kind, loadedMessage.NextAttemptAtUtc.Kind));
        Assert.Equal((TestData.RecordedAt, "email.test", """{"name":"Sam"}"""), (loadedMessage.CreatedAtUtc, loadedMessage.Kind, loadedMessage.PayloadJson));
        Assert.True(loadedMessage.IsPending);
        var loadedAudit = await fresh.AuditEntries.SingleAsync(a => a.Id == audit.Id);
        Assert.Equal((DateTimeKind.Utc, TestData.RecordedAt, "Added"), (loadedAudit.AtUtc.Kind, loadedAudit.AtUtc, loadedAudit.Detail));
    }
}

public sealed class SqliteRoundTripTests(SqliteTestDatabase database) : RoundTripTests<SqliteTestDatabase>(database);

public sealed class PostgresRoundTripTests(PostgresTestDatabase database) : RoundTripTests<PostgresTestDatabase>(database);
