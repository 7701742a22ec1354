using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Appeals;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Notifications;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Casework;

/// <summary>
/// What a caseworker can do to a plan in place: its annual reviews and its end. Each action is one
/// <see cref="PlanCommands.ExecuteAsync"/>: the domain checks it, and the plan, the audit entry and
/// the family's email and chat message are stored together or not at all.
/// </summary>
public sealed class PlanActions(CaseStoreDbContext db, PlanCommands commands, WorkingDayCalendar calendar)
{
    public const string CreatedAction = "plan.created";

    public Task AssignAsync(Guid planId, int? version, Guid? staffId, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        RunAsync(planId, version, recording, today, "plan.caseworkerAssigned", async () =>
        {
            var name = staffId is { } id ? await db.StaffMembers.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;
            if (staffId is not null && name is null)
            {
                throw new Domain.Common.DomainException("plan.unknownStaff", "Choose a caseworker from the list.");
            }

            return plan =>
            {
                plan.AssignCaseworker(staffId);
                return (name, name is null ? null : (CaseUpdateKind.PlanCaseworkerAssigned, Facts(plan, today) with { Who = name, NextDue = plan.NextReviewDueOn() }));
            };
        }, cancellationToken);

    public Task ScheduleMeetingAsync(Guid planId, int? version, DateOnly meetingOn, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "review.meetingScheduled", plan =>
        {
            var review = plan.ScheduleReviewMeeting(Guid.NewGuid(), meetingOn);
            return (Iso(meetingOn), (CaseUpdateKind.ReviewMeetingScheduled, Facts(plan, meetingOn) with { NextDue = review.DueBy }));
        }, cancellationToken);

    public Task RecordMeetingAsync(Guid planId, int? version, DateOnly heldOn, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "review.meetingHeld", plan =>
        {
            plan.RecordReviewMeeting(Guid.NewGuid(), heldOn, today);
            return (Iso(heldOn), (CaseUpdateKind.ReviewMeetingHeld, Facts(plan, heldOn) with { NextDue = heldOn.AddDays(AnnualReviewClock.DecisionDays) }));
        }, cancellationToken);

    public Task RecordDecisionAsync(Guid planId, int? version, ReviewDecision decision, DateOnly notifiedOn, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "review.decided", plan =>
        {
            var review = plan.RecordReviewDecision(decision, notifiedOn, today, Guid.NewGuid());
            var meeting = review.MeetingHeldOn!.Value;
            var facts = Facts(plan, notifiedOn);
            var detail = $"{decision}, notified {Iso(notifiedOn)}";
            return decision switch
            {
                ReviewDecision.Maintain => (detail, (CaseUpdateKind.ReviewDecidedToMaintain, facts with { NextDue = AnnualReviewClock.ReviewDueBy(meeting), AppealBy = AppealBy(notifiedOn) })),
                ReviewDecision.Amend => (detail, (CaseUpdateKind.ReviewDecidedToAmend, facts with { NextDue = meeting.AddDays(AnnualReviewClock.FinalAmendedPlanFromMeetingDays) })),
                _ => (detail, (CaseUpdateKind.ReviewDecidedToCease, facts with { AppealBy = AppealBy(notifiedOn) })),
            };
        }, cancellationToken);

    public Task ProposeAmendmentsAsync(Guid planId, int? version, DateOnly sentOn, string summary, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "review.amendmentsProposed", plan =>
        {
            var review = plan.ProposeReviewAmendments(sentOn, summary, today);
            return (Iso(sentOn), (CaseUpdateKind.AmendmentsProposed, Facts(plan, sentOn) with { NextDue = sentOn.AddDays(AnnualReviewClock.AmendmentResponseDays), Reason = review.AmendmentsSummary }));
        }, cancellationToken);

    public Task IssueFinalAmendedPlanAsync(Guid planId, int? version, DateOnly issuedOn, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "review.finalAmendedPlanIssued", plan =>
        {
            plan.IssueFinalAmendedPlan(issuedOn, today, Guid.NewGuid());
            return (Iso(issuedOn), (CaseUpdateKind.FinalAmendedPlanIssued, Facts(plan, issuedOn) with { NextDue = plan.NextReviewDueOn(), AppealBy = AppealBy(issuedOn) }));
        }, cancellationToken);

    public Task CeaseAsync(Guid planId, int? version, DateOnly ceasedOn, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        Run(planId, version, recording, today, "plan.ceased", plan =>
        {
            plan.Cease(ceasedOn, today);
            return (Iso(ceasedOn), (CaseUpdateKind.PlanCeased, Facts(plan, ceasedOn) with { AppealBy = AppealBy(ceasedOn) }));
        }, cancellationToken);

    private Task Run(
        Guid planId,
        int? version,
        Recording recording,
        DateOnly today,
        string auditAction,
        Func<EhcPlan, (string? Detail, (CaseUpdateKind Kind, CaseUpdateFacts Facts)? Update)> change,
        CancellationToken cancellationToken) =>
        RunAsync(planId, version, recording, today, auditAction, () => Task.FromResult(change), cancellationToken);

    /// <param name="prepare">Reads what the change needs from the store, then gives the change itself.</param>
    private async Task RunAsync(
        Guid planId,
        int? version,
        Recording recording,
        DateOnly today,
        string auditAction,
        Func<Task<Func<EhcPlan, (string? Detail, (CaseUpdateKind Kind, CaseUpdateFacts Facts)? Update)>>> prepare,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var childId = await db.EhcPlans.Where(p => p.Id == planId).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"There is no plan with id {planId}.");
        var childName = await FamilyRecipients.ChildNameAsync(db, childId, cancellationToken);
        var recipients = await FamilyRecipients.ListAsync(db, childId, today, cancellationToken);
        var apply = await prepare();

        // The words depend on the plan as the change leaves it (the next review it started, say),
        // so they are written inside the change; the command adds them to the same transaction
        // after the change returns, and if the change is refused they are never stored.
        var notifications = new List<OutboxMessage>();
        await commands.ExecuteAsync(
            planId,
            version,
            recording,
            plan =>
            {
                var (detail, update) = apply(plan);
                if (update is { } wanted)
                {
                    var message = CaseUpdateWording.For(wanted.Kind, wanted.Facts with { ChildName = childName });
                    var link = CaseUpdateWording.LinkFor(wanted.Kind, plan.Reference);
                    foreach (var to in recipients)
                    {
                        notifications.Add(OutboxEmail.Create(recording.AtUtc, CaseActions.ChatKind, to, message.Subject, message.Body));
                        notifications.Add(OutboxChat.Create(recording.AtUtc, CaseActions.ChatKind, to, message.Chat, plan.Reference, link));
                    }
                }

                return detail;
            },
            auditAction,
            notifications,
            cancellationToken);
    }

    /// <summary>The child's name is filled in by <see cref="RunAsync"/>, which reads it once for every action.</summary>
    private static CaseUpdateFacts Facts(EhcPlan plan, DateOnly on) => new(string.Empty, plan.Reference, on);

    private DateOnly AppealBy(DateOnly letter) => AppealDeadline.Calculate(letter, null, calendar).Deadline;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
