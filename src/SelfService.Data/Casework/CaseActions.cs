using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Appeals;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;
using SelfService.Domain.Notifications;
using SelfService.Domain.People;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Casework;

/// <summary>
/// What a caseworker can do to a case. Each action is one <see cref="CaseCommands.ExecuteAsync"/>:
/// the domain checks it, and the event, the audit entry and the family's email and chat message
/// are stored together or not at all.
/// </summary>
public sealed class CaseActions(CaseStoreDbContext db, CaseCommands commands, WorkingDayCalendar calendar)
{
    public const string ChatKind = "caseUpdate";

    public const string AdviceInvitationKind = "adviceInvitation";

    public Task AssignAsync(Guid caseId, Guid? staffId, Recording recording, DateOnly today, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.AssignCaseworker(staffId), "case.caseworkerAssigned", async c =>
        {
            // Only someone on the list may be assigned: any other id would fail the database's foreign key.
            var name = staffId is { } id ? await db.StaffMembers.Where(s => s.Id == id && s.Role == StaffRole.Caseworker).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("case.unknownCaseworker", "Choose a caseworker from the list.") : null;
            return name is null ? null : (CaseUpdateKind.CaseworkerAssigned, Facts(c, today) with { Who = name });
        }, cancellationToken);

    public Task DecideToAssessAsync(Guid caseId, DateOnly on, bool agreed, string? reason, Recording recording, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), on, agreed, Clean(reason)), recording), agreed ? "case.decidedToAssess" : "case.refusedToAssess", c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>(agreed
            ? (CaseUpdateKind.DecidedToAssess, Facts(c, on) with { NextDue = c.RequestReceivedOn.AddDays(StatutoryClock.DecisionToIssueDays) })
            : (CaseUpdateKind.RefusedToAssess, Facts(c, on) with { Reason = Clean(reason), AppealBy = AppealBy(on) })), cancellationToken);

    /// <summary>Asks an adviser for advice; with <paramref name="invite"/>, emails them a link to upload it (ADR 0024).</summary>
    public Task RequestAdviceAsync(Guid caseId, Guid adviceRequestId, DateOnly on, AdviserKind adviser, string adviserName, AdviserInvite? invite, Recording recording, CancellationToken cancellationToken)
    {
        RequireSupported(on);
        var added = new Additions();
        if (invite is not null)
        {
            var dueOn = on.AddDays(AdviceRequested.DaysToRespond);
            var (invitation, token) = AdviceInvitation.Create(caseId, adviceRequestId, invite.Email, dueOn, recording.AtUtc);
            added.Entities.Add(invitation);
            added.Messages = reference =>
            {
                var (subject, body) = AdviceInvitationWording.For(invite.CouncilName, reference, adviser, on, dueOn, invite.LinkFor(token));
                return [OutboxEmail.Create(recording.AtUtc, AdviceInvitationKind, invite.Email, subject, body)];
            };
        }

        return RunAsync(caseId, recording, c => c.RequestAdvice(new AdviceRequested(adviceRequestId, on, adviser, adviserName.Trim()), recording), "case.adviceRequested",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.AdviceRequested, Facts(c, on) with { Who = adviserName.Trim(), NextDue = on.AddDays(StatutoryClock.DecisionToAssessDays) })), cancellationToken, added);
    }

    /// <summary>Records advice as received, with the adviser's report when there is one.</summary>
    public Task RecordAdviceReceivedAsync(Guid caseId, Guid adviceRequestId, DateOnly on, Recording recording, StoredFile? report, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), on, adviceRequestId), recording), "case.adviceReceived",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.AdviceReceived, Facts(c, on) with { Who = c.Events.OfType<AdviceRequested>().FirstOrDefault(e => e.Id == adviceRequestId)?.AdviserName ?? "an adviser" })), cancellationToken,
            Additions.Of(report is null ? null : new CaseDocument(Guid.NewGuid(), caseId, CaseDocumentKind.Advice, adviceRequestId, report, recording.By, recording.AtUtc)));

    public Task ApplyExceptionAsync(Guid caseId, DateOnly on, ExceptionKind kind, DateOnly? expectedEnd, string reason, Recording recording, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.ApplyException(new ExceptionApplied(Guid.NewGuid(), on, kind, expectedEnd, reason?.Trim() ?? ""), recording), "case.exceptionApplied",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.ExceptionApplied, Facts(c, on, expectedEnd) with { Reason = reason?.Trim() })), cancellationToken);

    public Task EndExceptionAsync(Guid caseId, Guid exceptionId, DateOnly on, Recording recording, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.EndException(new ExceptionEnded(Guid.NewGuid(), on, exceptionId), recording), "case.exceptionEnded",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.ExceptionEnded, Facts(c, on))), cancellationToken);

    public Task DecideToIssueAsync(Guid caseId, DateOnly on, bool issue, string? reason, Recording recording, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), on, issue, Clean(reason)), recording), issue ? "case.decidedToIssue" : "case.decidedNotToIssue", c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>(issue
            ? (CaseUpdateKind.DecidedToIssue, Facts(c, on) with { NextDue = c.RequestReceivedOn.AddDays(StatutoryClock.FinalPlanDays) })
            : (CaseUpdateKind.DecidedNotToIssue, Facts(c, on) with { Reason = Clean(reason), AppealBy = AppealBy(on) })), cancellationToken);

    /// <summary>Serves the draft plan: the family can download <paramref name="draft"/> from their case page.</summary>
    public Task ServeDraftPlanAsync(Guid caseId, DateOnly on, StoredFile draft, Recording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return RunAsync(caseId, recording, c => c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), on), recording), "case.draftPlanServed",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.DraftPlanServed, Facts(c, on) with { NextDue = on.AddDays(StatutoryClock.DraftResponseDays) })), cancellationToken,
            Additions.Of(new CaseDocument(Guid.NewGuid(), caseId, CaseDocumentKind.DraftPlan, null, draft, recording.By, recording.AtUtc)));
    }

    public async Task RecordRepresentationsAsync(Guid caseId, DateOnly on, bool meetingRequested, Guid? requestedSchoolId, string? summary, Recording recording, CancellationToken cancellationToken)
    {
        var schoolName = await SchoolNameAsync(requestedSchoolId, cancellationToken);
        await RunAsync(caseId, recording, c => c.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), on, meetingRequested, requestedSchoolId, Clean(summary)), recording), "case.representationsRecorded",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.RepresentationsRecorded, Facts(c, on) with { Who = schoolName, NextDue = c.RequestReceivedOn.AddDays(StatutoryClock.FinalPlanDays) })), cancellationToken);
    }

    public async Task IssueFinalPlanAsync(Guid caseId, DateOnly on, Guid? namedSchoolId, Recording recording, CancellationToken cancellationToken)
    {
        var schoolName = await SchoolNameAsync(namedSchoolId, cancellationToken);
        await RunAsync(caseId, recording, c => PlanFor(c, c.IssueFinalPlan, new FinalPlanIssued(Guid.NewGuid(), on, namedSchoolId), recording), "case.finalPlanIssued",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.FinalPlanIssued, Facts(c, on) with { Who = schoolName, AppealBy = AppealBy(on) })), cancellationToken);
    }

    /// <summary>
    /// The final plan puts an <see cref="EhcPlan"/> in place in the same transaction as the event,
    /// with its first annual review due 12 months from issue, so it is on the family's plan page
    /// and in the annual reviews of the work tray as soon as it exists.
    /// </summary>
    private void PlanFor(AssessmentCase c, Action<FinalPlanIssued, Recording> issue, FinalPlanIssued issued, Recording recording)
    {
        issue(issued, recording);
        var plan = new EhcPlan(Guid.NewGuid(), PlanReference.ForCase(c.Reference, issued.OccurredOn), c.ChildId, c.Id, issued.OccurredOn, issued.NamedSchoolId);
        if (c.CaseworkerId is { } caseworker)
        {
            plan.AssignCaseworker(caseworker);
        }

        plan.StartReview(Guid.NewGuid(), AnnualReviewClock.ReviewDueBy(issued.OccurredOn));
        db.EhcPlans.Add(plan);
        db.AuditEntries.Add(AuditEntry.ForPlan(plan.Id, c.Id, recording.AtUtc, recording.By, PlanActions.CreatedAction, plan.Reference));
    }

    public Task WithdrawAsync(Guid caseId, DateOnly on, string reason, Recording recording, CancellationToken cancellationToken) =>
        RunAsync(caseId, recording, c => c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), on, reason?.Trim() ?? ""), recording), "case.withdrawn",
            c => Task.FromResult<(CaseUpdateKind, CaseUpdateFacts)?>((CaseUpdateKind.Withdrawn, Facts(c, on))), cancellationToken);

    /// <summary>Everyone entitled to hear about the case: parents with responsibility, and the young person.</summary>
    public Task<IReadOnlyList<string>> RecipientsAsync(Guid childId, DateOnly today, CancellationToken cancellationToken) =>
        FamilyRecipients.ListAsync(db, childId, today, cancellationToken);

    private async Task RunAsync(
        Guid caseId,
        Recording recording,
        Action<AssessmentCase> change,
        string auditAction,
        Func<AssessmentCase, Task<(CaseUpdateKind Kind, CaseUpdateFacts Facts)?>> update,
        CancellationToken cancellationToken,
        Additions? added = null)
    {
        // The words are written from the case as it stands; if the change is refused they are never stored.
        var before = await db.AssessmentCases.AsNoTracking().WithEvents().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case with id {caseId}.");
        var childName = await db.Children.Where(c => c.Id == before.ChildId).Select(c => (c.KnownAs ?? c.FirstName) + " " + c.LastName).SingleAsync(cancellationToken);
        var notifications = new List<OutboxMessage>();
        if (await update(before) is { } wanted)
        {
            var message = CaseUpdateWording.For(wanted.Kind, wanted.Facts with { ChildName = childName });
            foreach (var to in await RecipientsAsync(before.ChildId, wanted.Facts.On, cancellationToken))
            {
                notifications.Add(OutboxEmail.Create(recording.AtUtc, ChatKind, to, message.Subject, message.Body));
                notifications.Add(OutboxChat.Create(recording.AtUtc, ChatKind, to, message.Chat, before.Reference, $"/cases/{before.Reference}"));
            }
        }

        if (added is not null)
        {
            // Tracked by the same context, so they commit with the event or not at all.
            db.AddRange(added.Entities);
            notifications.AddRange(added.Messages?.Invoke(before.Reference) ?? []);
        }

        await commands.ExecuteAsync(caseId, recording, change, auditAction, notifications, cancellationToken);
    }

    /// <summary>What an action stores beside its event: documents, invitations, and messages that need the case reference.</summary>
    private sealed class Additions
    {
        public List<object> Entities { get; } = [];

        public Func<string, IEnumerable<OutboxMessage>>? Messages { get; set; }

        public static Additions? Of(object? entity) => entity is null ? null : new Additions { Entities = { entity } };
    }

    /// <summary>
    /// The child's name is filled in by <see cref="RunAsync"/>, which reads it once for every action.
    /// Every dated step comes through here before anything is worked out from its date (the words
    /// are written before the change is made), so the date is checked here: see <see cref="RequireSupported"/>.
    /// </summary>
    private CaseUpdateFacts Facts(AssessmentCase c, DateOnly on, DateOnly? alsoOn = null)
    {
        RequireSupported(on);
        RequireSupported(alsoOn);
        return new(string.Empty, c.Reference, on);
    }

    /// <summary>
    /// A step's date must leave room for the deadlines worked out from it (an appeal deadline is
    /// two months on, then moved past New Year) inside the bank holidays held; anything else,
    /// a typing slip such as 9999-12-31 included, is refused with the range that can be recorded.
    /// </summary>
    private void RequireSupported(DateOnly? date)
    {
        var holidays = calendar.BankHolidays;
        if (date is { } d && !holidays.Covers(d, MonthsOfDeadlinesAhead))
        {
            var first = new DateOnly(holidays.FirstYear, 1, 1);
            var last = new DateOnly(holidays.LastYear, 12, 31).AddMonths(-MonthsOfDeadlinesAhead);
            throw new DomainException("input.dateOutOfRange",
                $"Enter a date from {UkDate.Long(first)} to {UkDate.Long(last)}: deadlines can only be worked out within the bank holidays held ({holidays.CoveredRange}).");
        }
    }

    /// <summary>How far beyond a step's date its deadlines can reach (an appeal deadline: two months, then past New Year).</summary>
    private const int MonthsOfDeadlinesAhead = 3;

    private DateOnly AppealBy(DateOnly letter) => AppealDeadline.Calculate(letter, null, calendar).Deadline;

    private async Task<string?> SchoolNameAsync(Guid? schoolId, CancellationToken cancellationToken) =>
        schoolId is { } id ? await db.Schools.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Who to email an advice invitation to, and how to build the link to the upload page.</summary>
public sealed record AdviserInvite(string Email, string CouncilName, Func<string, string> LinkFor);
