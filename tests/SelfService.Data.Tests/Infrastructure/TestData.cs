using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>The people a case needs, unique per call so tests can share a class database.</summary>
public sealed record TestPeople(School School, Child Child, ParentCarer Parent, StaffMember Caseworker);

public static class TestData
{
    private static int _urn = Random.Shared.Next(100_000, 900_000);

    public static readonly DateTime RecordedAt = new(2026, 3, 2, 9, 30, 15, DateTimeKind.Utc);

    public static Recording Recording(string by = "caseworker@council.example") => new(by, RecordedAt);

    public static string NewReference(string prefix = "EHC") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static async Task<TestPeople> AddPeopleAsync(CaseStoreDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var school = new School(Guid.NewGuid(), Interlocked.Increment(ref _urn).ToString(System.Globalization.CultureInfo.InvariantCulture), "Riverside Primary", SchoolPhase.Primary, "LS1 4AB");
        var child = new Child(Guid.NewGuid(), "Samuel", "Okafor", new DateOnly(2016, 2, 29), "LS1 4AB");
        child.SetKnownAs("Sam");
        child.AttendSchool(school.Id);
        var parent = new ParentCarer(Guid.NewGuid(), "Ada", "Okafor", $"ada.{unique}@example.com", "LS1 4AB");
        parent.SetPhone("07700 900123");
        var caseworker = new StaffMember(Guid.NewGuid(), "Priya Shah", $"priya.{unique}@council.example", StaffRole.Caseworker, "North East");
        db.AddRange(school, child, parent, caseworker);
        db.ChildParents.Add(new ChildParent(child.Id, parent.Id, ParentRelationship.Mother, hasParentalResponsibility: true));
        await db.SaveChangesAsync();
        return new TestPeople(school, child, parent, caseworker);
    }

    public static AssessmentCase OpenCase(TestPeople people, DateOnly receivedOn) =>
        AssessmentCase.Open(
            Guid.NewGuid(),
            NewReference(),
            people.Child.Id,
            new RequestReceived(Guid.NewGuid(), receivedOn, Requester.SchoolWithParentalConsent, people.School.Id, receivedOn.AddDays(-3)),
            Recording());

    /// <summary>A case taken through every step to a final plan: every kind of event but a withdrawal.</summary>
    public static AssessmentCase CaseToFinalPlan(TestPeople people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var r = Recording();
        var c = OpenCase(people, new DateOnly(2026, 1, 5));
        c.AssignCaseworker(people.Caseworker.Id);
        var closure = new ExceptionApplied(Guid.NewGuid(), new DateOnly(2026, 1, 10), ExceptionKind.SchoolClosure, new DateOnly(2026, 2, 10), "School closed for rebuilding");
        c.ApplyException(closure, r);
        c.EndException(new ExceptionEnded(Guid.NewGuid(), new DateOnly(2026, 2, 1), closure.Id), r);
        c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), new DateOnly(2026, 2, 20), agreed: true, reason: null), r);
        var advice = new AdviceRequested(Guid.NewGuid(), new DateOnly(2026, 2, 21), AdviserKind.EducationalPsychologist, "Dr Lee");
        c.RequestAdvice(advice, r);
        c.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), new DateOnly(2026, 3, 20), advice.Id), r);
        c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), new DateOnly(2026, 4, 10), issue: true, reason: null), r);
        c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), new DateOnly(2026, 4, 15)), r);
        c.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), new DateOnly(2026, 4, 25), meetingRequested: true, people.School.Id, "Parents would like a meeting"), r);
        c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), new DateOnly(2026, 5, 20), people.School.Id), r);
        return c;
    }

    public static EhcPlan PlanWithReviews(TestPeople people, Guid? caseId)
    {
        ArgumentNullException.ThrowIfNull(people);
        var plan = new EhcPlan(Guid.NewGuid(), NewReference("PLAN"), people.Child.Id, caseId, new DateOnly(2026, 5, 20), people.School.Id);
        plan.AssignCaseworker(people.Caseworker.Id);
        plan.PlanPhaseTransfer(new PhaseTransfer(PhaseTransferKind.School, 2027));
        var first = plan.StartReview(Guid.NewGuid(), new DateOnly(2027, 5, 19));
        plan.Change(first.Id, review =>
        {
            review.RecordMeeting(new DateOnly(2027, 4, 1));
            review.RecordDecision(ReviewDecision.Amend, new DateOnly(2027, 4, 10));
            review.ProposeAmendments(new DateOnly(2027, 4, 15));
            review.IssueFinalAmendedPlan(new DateOnly(2027, 5, 30));
        });
        plan.StartReview(Guid.NewGuid(), new DateOnly(2028, 4, 1));
        return plan;
    }
}
