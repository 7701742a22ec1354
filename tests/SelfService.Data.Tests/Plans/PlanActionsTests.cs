using Microsoft.EntityFrameworkCore;
using SelfService.Data.Casework;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Data.WorkTray;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Appeals;
using SelfService.Domain.Common;
using SelfService.Domain.Notifications;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Tests.Plans;

/// <summary>
/// Each annual review step and the end of a plan is one command: the plan, its audit entry and the
/// family's email and chat message are stored together, with words for that step, or nothing is.
/// </summary>
public abstract class PlanActionsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly IssuedOn = new(2026, 6, 10);
    private static readonly DateOnly Today = new(2027, 6, 1);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public async Task Issuing_the_final_plan_puts_a_plan_in_place_with_its_first_review_due_in_a_year()
    {
        TestPeople people;
        Guid caseId;
        var number = Random.Shared.Next(100_000, 999_999);
        await using (var db = database.NewContext())
        {
            people = await TestData.AddPeopleAsync(db);
            var c = DraftPlanCase(people, $"EHC-2026-{number}");
            caseId = c.Id;
            db.AssessmentCases.Add(c);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            await new CaseActions(db, new CaseCommands(db), Calendar).IssueFinalPlanAsync(caseId, IssuedOn, people.School.Id, TestData.Recording(), default);
        }

        await using var fresh = database.NewContext();
        var plan = await fresh.EhcPlans.WithReviews().SingleAsync(p => p.AssessmentCaseId == caseId);
        Assert.Equal($"EHCP-2026-{number}", plan.Reference);
        Assert.Equal((people.Child.Id, IssuedOn, people.School.Id, people.Caseworker.Id), (plan.ChildId, plan.IssuedOn, plan.NamedSchoolId, plan.CaseworkerId));
        Assert.Equal(new DateOnly(2027, 6, 9), Assert.Single(plan.Reviews).DueBy);
        var created = await fresh.AuditEntries.SingleAsync(a => a.EntityType == AuditEntry.PlanEntityType && a.EntityId == plan.Id.ToString());
        Assert.Equal((PlanActions.CreatedAction, caseId), (created.Action, created.CaseId));
        var tray = await new AnnualReviewWorkItemSource(fresh).ListAsync(new WorkTrayFilter(AssignedStaffId: people.Caseworker.Id), Today, 10, default);
        var item = Assert.Single(tray);
        Assert.Equal((plan.Reference, new DateOnly(2027, 6, 9), $"/staff/plans/{plan.Reference}"), (item.Reference, item.DueOn, item.Link));
    }

    [Fact]
    public async Task A_refused_final_plan_puts_no_plan_in_place()
    {
        Guid caseId;
        await using (var db = database.NewContext())
        {
            var people = await TestData.AddPeopleAsync(db);
            var c = DraftPlanCase(people, TestData.NewReference());
            caseId = c.Id;
            db.AssessmentCases.Add(c);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            // Before the draft was served: out of order.
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                new CaseActions(db, new CaseCommands(db), Calendar).IssueFinalPlanAsync(caseId, new DateOnly(2026, 1, 1), null, TestData.Recording(), default));
            Assert.Equal("case.outOfOrder", refused.Code);
        }

        await using var fresh = database.NewContext();
        Assert.False(await fresh.EhcPlans.AnyAsync(p => p.AssessmentCaseId == caseId));
    }

    [Fact]
    public async Task An_amending_review_runs_from_meeting_to_final_amended_plan_and_the_family_hears_each_step()
    {
        var (planId, people) = await NewPlanAsync();
        var meeting = new DateOnly(2027, 5, 20);

        await ActAsync(a => a.ScheduleMeetingAsync(planId, null, meeting, TestData.Recording(), new DateOnly(2027, 4, 1), default));
        await AssertToldAsync(planId, people, "review.meetingScheduled", "Annual review meeting arranged", "arranged for 20 May 2027", "must be held by 9 June 2027");
        await ActAsync(a => a.RecordMeetingAsync(planId, null, meeting, TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "review.meetingHeld", "Annual review meeting held", "was held on 20 May 2027", "by 17 June 2027");
        await ActAsync(a => a.RecordDecisionAsync(planId, null, ReviewDecision.Amend, new DateOnly(2027, 5, 27), TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "review.decided", "We will change the EHC plan", "decided to change", "final amended plan is due by 12 August 2027");
        await ActAsync(a => a.ProposeAmendmentsAsync(planId, null, new DateOnly(2027, 5, 28), "  Adds speech and language therapy  ", TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "review.amendmentsProposed", "Proposed changes to the EHC plan", "Adds speech and language therapy", "by 11 June 2027");
        await ActAsync(a => a.IssueFinalAmendedPlanAsync(planId, null, Today, TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "review.finalAmendedPlanIssued", "Final amended EHC plan issued", $"appeal about its content to the SEND Tribunal by {AppealBy(Today)}", "next annual review meeting must be held by 19 May 2028");

        var plan = await LoadAsync(planId);
        var done = plan.Reviews[0];
        Assert.Equal((meeting, ReviewDecision.Amend, "Adds speech and language therapy", Today), (done.MeetingScheduledFor!.Value, done.Decision!.Value, done.AmendmentsSummary, done.FinalAmendedPlanIssuedOn!.Value));
        Assert.Equal(AnnualReviewClock.ReviewDueBy(meeting), plan.CurrentReview?.DueBy);
        Assert.Equal(new DateOnly(2028, 5, 19), plan.NextReviewDueOn());
    }

    [Fact]
    public async Task Keeping_the_plan_ends_the_review_and_starts_the_next_due_a_year_from_the_meeting()
    {
        var (planId, people) = await NewPlanAsync();

        await ActAsync(a => a.RecordMeetingAsync(planId, null, new DateOnly(2027, 5, 3), TestData.Recording(), Today, default));
        await ActAsync(a => a.RecordDecisionAsync(planId, null, ReviewDecision.Maintain, new DateOnly(2027, 5, 10), TestData.Recording(), Today, default));

        await AssertToldAsync(planId, people, "review.decided", "We will keep the EHC plan as it is", "must be held by 2 May 2028", $"SEND Tribunal by {AppealBy(new DateOnly(2027, 5, 10))}");
        var plan = await LoadAsync(planId);
        Assert.Equal(2, plan.Reviews.Count);
        Assert.True(plan.Reviews[0].IsComplete);
        Assert.Equal(new DateOnly(2028, 5, 2), plan.CurrentReview?.DueBy);
    }

    [Fact]
    public async Task A_decision_to_cease_then_ceasing_ends_the_plan_and_nothing_more_can_be_done()
    {
        var (planId, people) = await NewPlanAsync();
        await ActAsync(a => a.RecordMeetingAsync(planId, null, new DateOnly(2027, 5, 3), TestData.Recording(), Today, default));
        await ActAsync(a => a.RecordDecisionAsync(planId, null, ReviewDecision.Cease, new DateOnly(2027, 5, 10), TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "review.decided", "We intend to stop maintaining the EHC plan", "decided to stop maintaining", $"SEND Tribunal by {AppealBy(new DateOnly(2027, 5, 10))}");

        var reviewAgain = await RefusedAsync(planId, a => a.ScheduleMeetingAsync(planId, null, new DateOnly(2027, 6, 20), TestData.Recording(), Today, default));
        await ActAsync(a => a.CeaseAsync(planId, null, Today, TestData.Recording(), Today, default));
        await AssertToldAsync(planId, people, "plan.ceased", "EHC plan ceased", "From 1 June 2027 we no longer maintain", $"SEND Tribunal by {AppealBy(Today)}");
        var afterCeasing = await RefusedAsync(planId, a => a.RecordMeetingAsync(planId, null, Today, TestData.Recording(), Today, default));

        Assert.Equal("plan.ceaseDecided", reviewAgain);
        Assert.Equal("plan.ceased", afterCeasing);
        Assert.Equal(Today, (await LoadAsync(planId)).CeasedOn);
    }

    [Fact]
    public async Task Assigning_a_caseworker_tells_the_family_who_and_when_the_review_is_due()
    {
        var (planId, people) = await NewPlanAsync(assigned: false);

        await ActAsync(a => a.AssignAsync(planId, null, people.Caseworker.Id, TestData.Recording(), Today, default));

        await AssertToldAsync(planId, people, "plan.caseworkerAssigned", "Your caseworker for the EHC plan", "Priya Shah is now the caseworker", "must be held by 9 June 2027");
        Assert.Equal(people.Caseworker.Id, (await LoadAsync(planId)).CaseworkerId);
    }

    [Theory]
    [InlineData("decisionBeforeMeeting", "review.noMeeting")]
    [InlineData("proposalsWithoutAmending", "review.notAmending")]
    [InlineData("finalWithoutProposals", "review.noProposals")]
    [InlineData("meetingInTheFuture", "plan.futureDate")]
    [InlineData("meetingBeforeThePlan", "plan.outOfOrder")]
    [InlineData("ceasedBeforeThePlan", "plan.outOfOrder")]
    [InlineData("ceasedInTheFuture", "plan.futureDate")]
    [InlineData("arrangedBeforeThePlan", "plan.outOfOrder")]
    [InlineData("proposalsWithoutSummary", "review.noSummary")]
    [InlineData("proposalsTooLong", "review.summaryTooLong")]
    public async Task A_step_out_of_order_or_wrongly_dated_is_refused_and_nothing_is_stored(string step, string code)
    {
        var (planId, _) = await NewPlanAsync();
        var r = TestData.Recording();
        Func<PlanActions, Task> act = step switch
        {
            "decisionBeforeMeeting" => a => a.RecordDecisionAsync(planId, null, ReviewDecision.Maintain, Today, r, Today, default),
            "proposalsWithoutAmending" => a => a.ProposeAmendmentsAsync(planId, null, Today, "More support", r, Today, default),
            "finalWithoutProposals" => a => a.IssueFinalAmendedPlanAsync(planId, null, Today, r, Today, default),
            "meetingInTheFuture" => a => a.RecordMeetingAsync(planId, null, Today.AddDays(1), r, Today, default),
            "meetingBeforeThePlan" => a => a.RecordMeetingAsync(planId, null, IssuedOn.AddDays(-1), r, Today, default),
            "ceasedBeforeThePlan" => a => a.CeaseAsync(planId, null, IssuedOn.AddDays(-1), r, Today, default),
            "ceasedInTheFuture" => a => a.CeaseAsync(planId, null, Today.AddDays(1), r, Today, default),
            "arrangedBeforeThePlan" => a => a.ScheduleMeetingAsync(planId, null, IssuedOn.AddDays(-1), r, Today, default),
            "proposalsTooLong" => a => a.ProposeAmendmentsAsync(planId, null, Today, new string('x', EhcPlan.MaxSummaryLength + 1), r, Today, default),
            _ => a => a.ProposeAmendmentsAsync(planId, null, Today, " ", r, Today, default),
        };

        Assert.Equal(code, await RefusedAsync(planId, act));
    }

    [Fact]
    public async Task Proposals_dated_before_the_meeting_and_a_second_decision_are_refused()
    {
        var (planId, _) = await NewPlanAsync();
        await ActAsync(a => a.RecordMeetingAsync(planId, null, new DateOnly(2027, 5, 3), TestData.Recording(), Today, default));
        await ActAsync(a => a.RecordDecisionAsync(planId, null, ReviewDecision.Amend, new DateOnly(2027, 5, 4), TestData.Recording(), Today, default));

        var early = await RefusedAsync(planId, a => a.ProposeAmendmentsAsync(planId, null, new DateOnly(2027, 5, 2), "x", TestData.Recording(), Today, default));
        var twice = await RefusedAsync(planId, a => a.RecordDecisionAsync(planId, null, ReviewDecision.Maintain, Today, TestData.Recording(), Today, default));

        Assert.Equal("review.outOfOrder", early);
        Assert.Equal("review.decided", twice);
    }

    [Fact]
    public async Task The_next_review_meeting_must_come_after_the_last_and_a_held_meeting_cannot_be_rearranged()
    {
        var (planId, _) = await NewPlanAsync();
        var first = new DateOnly(2027, 5, 3);
        await ActAsync(a => a.RecordMeetingAsync(planId, null, first, TestData.Recording(), Today, default));

        var rearranged = await RefusedAsync(planId, a => a.ScheduleMeetingAsync(planId, null, new DateOnly(2027, 6, 20), TestData.Recording(), Today, default));
        await ActAsync(a => a.RecordDecisionAsync(planId, null, ReviewDecision.Maintain, first.AddDays(7), TestData.Recording(), Today, default));
        var sameDay = await RefusedAsync(planId, a => a.RecordMeetingAsync(planId, null, first, TestData.Recording(), Today, default));

        Assert.Equal("review.meetingRecorded", rearranged);
        Assert.Equal("review.outOfOrder", sameDay);
    }

    [Fact]
    public async Task A_decision_dated_before_the_meeting_is_refused()
    {
        var (planId, _) = await NewPlanAsync();
        await ActAsync(a => a.RecordMeetingAsync(planId, null, new DateOnly(2027, 5, 3), TestData.Recording(), Today, default));

        Assert.Equal("review.outOfOrder", await RefusedAsync(planId, a => a.RecordDecisionAsync(planId, null, ReviewDecision.Amend, new DateOnly(2027, 5, 2), TestData.Recording(), Today, default)));
    }

    [Fact]
    public async Task A_change_made_on_an_older_copy_of_the_plan_is_refused_as_a_conflict()
    {
        var (planId, _) = await NewPlanAsync();
        var seen = (await LoadAsync(planId)).Version;
        await ActAsync(a => a.ScheduleMeetingAsync(planId, seen, new DateOnly(2027, 5, 20), TestData.Recording(), Today, default));

        await using var db = database.NewContext();
        var stale = Assert.ThrowsAsync<PlanConcurrencyException>(() => Actions(db).RecordMeetingAsync(planId, seen, new DateOnly(2027, 5, 20), TestData.Recording(), Today, default));

        Assert.Equal(planId, (await stale).PlanId);
        var plan = await LoadAsync(planId);
        Assert.Equal(seen + 1, plan.Version);
        Assert.Null(plan.CurrentReview?.MeetingHeldOn);
    }

    [Fact]
    public async Task Two_people_saving_at_once_the_second_gets_a_conflict()
    {
        var (planId, _) = await NewPlanAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var firstCopy = await first.EhcPlans.WithReviews().SingleAsync(p => p.Id == planId);
        var secondCopy = await second.EhcPlans.WithReviews().SingleAsync(p => p.Id == planId);
        firstCopy.RecordReviewMeeting(Guid.NewGuid(), new DateOnly(2027, 5, 3), Today);
        await first.SaveChangesAsync();
        secondCopy.Cease(Today, Today);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    /// <summary>A request at the draft plan, with a caseworker, ready for the final plan.</summary>
    private static AssessmentCase DraftPlanCase(TestPeople people, string reference)
    {
        var r = TestData.Recording();
        var c = AssessmentCase.Open(Guid.NewGuid(), reference, people.Child.Id, new RequestReceived(Guid.NewGuid(), new DateOnly(2026, 1, 5), Requester.Parent, null, null), r);
        c.AssignCaseworker(people.Caseworker.Id);
        c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), new DateOnly(2026, 2, 20), agreed: true, reason: null), r);
        c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), new DateOnly(2026, 4, 10), issue: true, reason: null), r);
        c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), new DateOnly(2026, 4, 15)), r);
        return c;
    }

    /// <summary>A plan as the final plan leaves it: issued, its first review due a year on.</summary>
    private async Task<(Guid PlanId, TestPeople People)> NewPlanAsync(bool assigned = true)
    {
        await using var db = database.NewContext();
        var people = await TestData.AddPeopleAsync(db);
        var plan = new EhcPlan(Guid.NewGuid(), TestData.NewReference("EHCP"), people.Child.Id, null, IssuedOn, people.School.Id);
        if (assigned)
        {
            plan.AssignCaseworker(people.Caseworker.Id);
        }

        plan.StartReview(Guid.NewGuid(), AnnualReviewClock.ReviewDueBy(IssuedOn));
        db.EhcPlans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, people);
    }

    private static string AppealBy(DateOnly letter) => CaseUpdateWording.LongDate(AppealDeadline.Calculate(letter, null, Calendar).Deadline);

    private static PlanActions Actions(CaseStoreDbContext db) => new(db, new PlanCommands(db), Calendar);

    private async Task ActAsync(Func<PlanActions, Task> act)
    {
        await using var db = database.NewContext();
        await act(Actions(db));
    }

    /// <summary>Runs a step that must be refused, checks nothing was stored, and answers the refusal's code.</summary>
    private async Task<string> RefusedAsync(Guid planId, Func<PlanActions, Task> act)
    {
        var before = await LoadAsync(planId);
        var (audits, messages) = await CountsAsync(planId);
        await using var db = database.NewContext();

        var refused = await Assert.ThrowsAsync<DomainException>(() => act(Actions(db)));

        var after = await LoadAsync(planId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Reviews.Count, after.Reviews.Count);
        Assert.Equal((audits, messages), await CountsAsync(planId));
        return refused.Code;
    }

    private async Task<(int Audits, int Messages)> CountsAsync(Guid planId)
    {
        await using var db = database.NewContext();
        var reference = await db.EhcPlans.Where(p => p.Id == planId).Select(p => p.Reference).SingleAsync();
        var id = planId.ToString();
        return (
            await db.AuditEntries.CountAsync(a => a.EntityType == AuditEntry.PlanEntityType && a.EntityId == id),
            await db.OutboxMessages.CountAsync(m => m.PayloadJson.Contains(reference) || (m.Subject != null && m.Subject.Contains(reference))));
    }

    private async Task<EhcPlan> LoadAsync(Guid planId)
    {
        await using var db = database.NewContext();
        return await db.EhcPlans.AsNoTracking().WithReviews().SingleAsync(p => p.Id == planId);
    }

    /// <summary>The step's audit entry is the latest for the plan, and the parent got its words by email and chat.</summary>
    private async Task AssertToldAsync(Guid planId, TestPeople people, string auditAction, string subject, params string[] mentions)
    {
        await using var db = database.NewContext();
        var id = planId.ToString();
        var reference = await db.EhcPlans.Where(p => p.Id == planId).Select(p => p.Reference).SingleAsync();
        var latest = await db.AuditEntries.Where(a => a.EntityType == AuditEntry.PlanEntityType && a.EntityId == id).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal((auditAction, TestData.Recording().By), (latest.Action, latest.Actor));
        var to = people.Parent.Email.ToLowerInvariant();
        var emails = await db.OutboxMessages.Where(m => m.Recipient == to && m.Subject == $"{subject}: {reference}").ToListAsync();
        var body = OutboxEmail.TextBody(Assert.Single(emails));
        var chats = (await db.OutboxMessages.Where(m => m.Recipient == to && m.Kind == "chat." + CaseActions.ChatKind).ToListAsync()).Select(OutboxChat.Read).ToList();
        var chat = Assert.Single(chats, c => c.CaseReference == reference && c.Text.Contains(mentions[0], StringComparison.Ordinal));
        Assert.Equal($"/cases/plans/{reference}", chat.Link);
        Assert.Contains($"/cases/plans/{reference}", body, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, body, StringComparison.Ordinal);
            Assert.Contains(mention, chat.Text, StringComparison.Ordinal);
        }
    }
}

public sealed class SqlitePlanActionsTests(SqliteTestDatabase database) : PlanActionsTests<SqliteTestDatabase>(database);

public sealed class PostgresPlanActionsTests(PostgresTestDatabase database) : PlanActionsTests<PostgresTestDatabase>(database);
