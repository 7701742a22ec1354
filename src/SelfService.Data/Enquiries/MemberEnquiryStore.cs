using Microsoft.EntityFrameworkCore;
using SelfService.Data.Access;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Enquiries;

/// <param name="AlreadyLogged">The draft had been sent before (a double click): this is that enquiry, nothing new was logged.</param>
public sealed record LoggedEnquiry(string Reference, DateOnly ReceivedOn, DateOnly AcknowledgeBy, DateOnly RespondBy, bool AlreadyLogged);

/// <summary>
/// What a member may know of a matched case with consent: the stage, the next legal date and
/// whether it is late. Deliberately no documents, draft plan, school or next-step wording.
/// </summary>
public sealed record MemberCaseSummary(string CaseReference, CaseStage Stage, Milestone? Next, bool IsLate);

/// <summary>An enquiry as its member (or their delegate) sees it.</summary>
public sealed record MemberEnquiryView(MemberEnquiry Enquiry, string MemberName, IReadOnlyList<EnquiryReply> Replies, MemberCaseSummary? Case);

/// <summary>
/// The member's side of enquiries: drafts, logging one (reference, dates, acknowledgement email in
/// one transaction), their own list, and one enquiry with the reply and, when the case access
/// policy allows, the limited case summary. Someone else's enquiry is null, as if it did not exist.
/// Every view and change is audited.
/// </summary>
public sealed class MemberEnquiryStore(CaseStoreDbContext db, ServiceLevels levels, WorkingDayCalendar calendar)
{
    public const string AuditEntityType = nameof(MemberEnquiry);

    public async Task<EnquiryDraft> SaveDraftAsync(Guid? draftId, Guid accountId, EnquiryAnswers answers, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var draft = draftId is { } id ? await db.Set<EnquiryDraft>().SingleOrDefaultAsync(d => d.Id == id && d.AccountId == accountId, cancellationToken) : null;
        if (draft is null || draft.EnquiryReference is not null)
        {
            draft = new EnquiryDraft(Guid.NewGuid(), accountId, answers, nowUtc);
            db.Add(draft);
        }
        else
        {
            draft.Change(answers);
        }

        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>A draft with an id the caller chose (the chat derives it from its form), so a repeated submit finds it again.</summary>
    public async Task<EnquiryDraft> StartDraftAsync(Guid draftId, Guid accountId, EnquiryAnswers answers, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var draft = new EnquiryDraft(draftId, accountId, answers, nowUtc);
        db.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public Task<EnquiryDraft?> FindDraftAsync(Guid draftId, Guid accountId, CancellationToken cancellationToken = default) =>
        db.Set<EnquiryDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.AccountId == accountId, cancellationToken);

    /// <param name="evidence">An uploaded, scanned file evidencing the consent; kept only when the enquiry records consent.</param>
    /// <returns>The enquiry, or null if the viewer acts for no member or has no such draft.</returns>
    public async Task<LoggedEnquiry?> LogAsync(
        Guid draftId, Viewer viewer, RequestContact contact, DateTime nowUtc, DateOnly today, (string FileName, string StoredName)? evidence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(contact);
        if (viewer.ActingForMemberId is not { } memberId)
        {
            return null;
        }

        // SQLite takes the write lock here, so a second click waits and then sees the first one's enquiry.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var draft = await db.Set<EnquiryDraft>().SingleOrDefaultAsync(d => d.Id == draftId && d.AccountId == viewer.AccountId, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        if (draft.EnquiryReference is { } existing)
        {
            var logged = await db.Set<MemberEnquiry>().AsNoTracking().SingleAsync(e => e.Reference == existing, cancellationToken);
            return new LoggedEnquiry(logged.Reference, logged.ReceivedOn, logged.AcknowledgeBy, logged.RespondBy, AlreadyLogged: true);
        }

        var member = await db.ElectedMembers.AsNoTracking().SingleAsync(m => m.Id == memberId, cancellationToken);
        var delegateRecord = viewer.ElectedMemberId is null && viewer.DelegateForMemberId is not null
            ? await db.Set<MemberDelegate>().AsNoTracking().SingleOrDefaultAsync(d => d.ElectedMemberId == memberId && d.Email == viewer.Email && d.Active, cancellationToken)
            : null;

        var reference = await EnquiryReferences.NextAsync(db, today.Year, cancellationToken);
        var enquiry = new MemberEnquiry(Guid.NewGuid(), reference, memberId, delegateRecord?.Id, draft.Answers, nowUtc, today, levels.EnquiryDueDates(today, calendar));
        draft.MarkSent(reference);
        if (evidence is { } file && enquiry.Consent is { } consent)
        {
            consent.AttachEvidence(file.FileName, file.StoredName);
        }

        db.Add(enquiry);
        db.Add(new EnquiryHistoryEntry(Guid.NewGuid(), enquiry.Id, nowUtc, viewer.Email, EnquiryHistoryKind.Logged,
            delegateRecord is null ? $"Logged by {member.Name}" : $"Logged by {delegateRecord.Name} for {member.Name}"));
        db.OutboxMessages.Add(EnquiryEmails.Acknowledgement(enquiry, member.Email, member.Name, contact, nowUtc));
        if (delegateRecord is not null)
        {
            db.OutboxMessages.Add(EnquiryEmails.Acknowledgement(enquiry, delegateRecord.Email, delegateRecord.Name, contact, nowUtc));
        }

        db.AuditEntries.Add(Audit(nowUtc, viewer.Email, "enquiry.logged", enquiry.Id, enquiry.HasConsent ? "with consent" : "without consent"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LoggedEnquiry(reference, enquiry.ReceivedOn, enquiry.AcknowledgeBy, enquiry.RespondBy, AlreadyLogged: false);
    }

    /// <summary>The member's enquiries, whoever of their office logged them, newest first.</summary>
    public async Task<IReadOnlyList<MemberEnquiry>> ListAsync(Viewer viewer, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.ActingForMemberId is not { } memberId)
        {
            return [];
        }

        var enquiries = await db.Set<MemberEnquiry>().AsNoTracking()
            .Where(e => e.ElectedMemberId == memberId)
            .OrderByDescending(e => e.LoggedAtUtc)
            .ToListAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(nowUtc, viewer.Email, "enquiries.listed", nameof(ElectedMember), memberId.ToString()) { Detail = $"{enquiries.Count} enquiries" });
        await db.SaveChangesAsync(cancellationToken);
        return enquiries;
    }

    /// <summary>One of the member's enquiries, or null when it does not exist or is not theirs.</summary>
    public async Task<MemberEnquiryView?> FindAsync(string reference, Viewer viewer, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.ActingForMemberId is not { } memberId || Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var enquiry = await db.Set<MemberEnquiry>().AsNoTracking().Include(e => e.Consent)
            .SingleOrDefaultAsync(e => e.Reference == normalised && e.ElectedMemberId == memberId, cancellationToken);
        if (enquiry is null)
        {
            return null;
        }

        var memberName = await db.ElectedMembers.Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var replies = await db.Set<EnquiryReply>().AsNoTracking().Where(r => r.EnquiryId == enquiry.Id).OrderBy(r => r.SentAtUtc).ToListAsync(cancellationToken);
        // An enquiry logged without consent gives general information only, even if another of the member's enquiries has it.
        var summary = enquiry.MatchedCaseId is { } caseId && enquiry.HasConsent ? await CaseSummaryAsync(caseId, viewer, today, cancellationToken) : null;
        db.AuditEntries.Add(Audit(nowUtc, viewer.Email, "enquiry.viewed", enquiry.Id, summary is null ? "portal" : "portal; with case summary as MemberWithConsent", summary is null ? null : enquiry.MatchedCaseId));
        await db.SaveChangesAsync(cancellationToken);
        return new MemberEnquiryView(enquiry, memberName, replies, summary);
    }

    /// <summary>Asks the one case access policy, with the members whose matched enquiries carry consent.</summary>
    private async Task<MemberCaseSummary?> CaseSummaryAsync(Guid caseId, Viewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        var assessmentCase = await db.AssessmentCases.AsNoTracking().WithEvents().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (assessmentCase is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == assessmentCase.ChildId, cancellationToken);
        var parents = await db.ResponsibleParentsAsync([child.Id], cancellationToken);
        var consented = await MembersWithConsentAsync(db, caseId, cancellationToken);
        var facts = CaseAccessFactsQueries.ForCase(assessmentCase, child, parents[child.Id]) with { MembersWithConsent = consented };
        if (!CaseAccessPolicy.Decide(viewer, facts).CanSeeSummary)
        {
            return null;
        }

        var timeline = assessmentCase.Timeline(today);
        var next = timeline.Milestones.Where(m => m.Completed is null).OrderBy(m => m.Due).FirstOrDefault();
        var late = timeline.Within20Weeks == false || timeline.Milestones.Any(m => m.Status is MilestoneStatus.Overdue or MilestoneStatus.Late);
        return new MemberCaseSummary(assessmentCase.Reference, assessmentCase.Stage, next, late);
    }

    /// <summary>The members with an enquiry matched to the case and consent recorded: the facts the policy needs.</summary>
    public static async Task<IReadOnlySet<Guid>> MembersWithConsentAsync(CaseStoreDbContext db, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Set<MemberEnquiry>()
            .Where(e => e.MatchedCaseId == caseId && e.Consent != null)
            .Select(e => e.ElectedMemberId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }

    internal static AuditEntry Audit(DateTime nowUtc, string actor, string action, Guid enquiryId, string? detail, Guid? caseId = null) =>
        new(nowUtc, actor, action, AuditEntityType, enquiryId.ToString()) { Detail = detail, CaseId = caseId };

    internal static string? Normalise(string? reference)
    {
        var trimmed = reference?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 30 ? null : trimmed.ToUpperInvariant();
    }
}
