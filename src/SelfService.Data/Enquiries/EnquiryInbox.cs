using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.Requests;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using SelfService.Domain.Requests;

namespace SelfService.Data.Enquiries;

/// <summary>What the members' inbox is asked for; null means any.</summary>
public sealed record InboxFilter(Guid? MemberId = null, string? Area = null, EnquiryCategory? Category = null, bool OverdueOnly = false);

/// <summary>One row of the SEND members' inbox.</summary>
public sealed record InboxRow(
    string Reference,
    string ChildName,
    Guid MemberId,
    string MemberName,
    ElectedMemberKind MemberKind,
    string Area,
    EnquiryCategory Category,
    EnquiryStatus Status,
    DateOnly ReceivedOn,
    DateOnly? DueOn,
    EnquiryRag? Rag,
    Guid? AssignedStaffId,
    bool HasConsent,
    string? MatchedCaseReference);

/// <summary>An enquiry as staff see it, with everything needed to deal with it.</summary>
public sealed record StaffEnquiryView(
    MemberEnquiry Enquiry,
    ElectedMember Member,
    MemberDelegate? LoggedBy,
    StaffMember? AssignedTo,
    IReadOnlyList<EnquiryNote> Notes,
    IReadOnlyList<EnquiryReply> Replies,
    IReadOnlyList<EnquiryHistoryEntry> History);

/// <summary>
/// The staff side: the SEND members' inbox and the changes a caseworker makes to an enquiry
/// (assign, match to a case, note, reply, close). Each change, its history line, its audit entry
/// and any email are saved together. Mistakes come back as <see cref="FieldError"/>s for the page.
/// </summary>
public sealed class EnquiryInbox(CaseStoreDbContext db, CaseReader cases, WorkingDayCalendar calendar)
{
    public const int TextMaxLength = EnquiryQuestions.ConcernMaxLength;

    /// <summary>Every enquiry not yet closed, earliest due first (answered ones, with nothing due, last).</summary>
    public async Task<IReadOnlyList<InboxRow>> ListAsync(InboxFilter filter, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = from e in db.Set<MemberEnquiry>().AsNoTracking()
                    join m in db.ElectedMembers.AsNoTracking() on e.ElectedMemberId equals m.Id
                    where e.Status != EnquiryStatus.Closed
                    select new { Enquiry = e, Member = m, HasConsent = e.Consent != null };
        if (filter.MemberId is { } memberId)
        {
            query = query.Where(r => r.Member.Id == memberId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim();
            query = query.Where(r => r.Member.Area == area);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(r => r.Enquiry.Category == category);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(r =>
                (r.Enquiry.Status == EnquiryStatus.Logged && r.Enquiry.AcknowledgeBy < today)
                || (r.Enquiry.Status == EnquiryStatus.Acknowledged && r.Enquiry.RespondBy < today));
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new InboxRow(
                r.Enquiry.Reference, r.Enquiry.ChildName, r.Member.Id, r.Member.Name, r.Member.Kind, r.Member.Area, r.Enquiry.Category,
                r.Enquiry.Status, r.Enquiry.ReceivedOn, r.Enquiry.NextDueOn, r.Enquiry.RagOn(today, calendar), r.Enquiry.AssignedStaffId,
                r.HasConsent, r.Enquiry.MatchedCaseReference))
            .OrderBy(r => r.DueOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)];
    }

    /// <summary>The members who have sent enquiries, for the inbox's filters.</summary>
    public async Task<IReadOnlyList<ElectedMember>> MembersWithEnquiriesAsync(CancellationToken cancellationToken = default)
    {
        var ids = db.Set<MemberEnquiry>().Select(e => e.ElectedMemberId).Distinct();
        return await db.ElectedMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }

    public async Task<StaffEnquiryView?> FindAsync(string reference, Viewer viewer, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsStaff || MemberEnquiryStore.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var enquiry = await db.Set<MemberEnquiry>().AsNoTracking().Include(e => e.Consent).SingleOrDefaultAsync(e => e.Reference == normalised, cancellationToken);
        if (enquiry is null)
        {
            return null;
        }

        var member = await db.ElectedMembers.AsNoTracking().SingleAsync(m => m.Id == enquiry.ElectedMemberId, cancellationToken);
        var loggedBy = enquiry.LoggedByDelegateId is { } delegateId ? await db.Set<MemberDelegate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == delegateId, cancellationToken) : null;
        var assigned = enquiry.AssignedStaffId is { } staffId ? await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken) : null;
        var notes = await db.Set<EnquiryNote>().AsNoTracking().Where(n => n.EnquiryId == enquiry.Id).OrderBy(n => n.AtUtc).ToListAsync(cancellationToken);
        var replies = await db.Set<EnquiryReply>().AsNoTracking().Where(r => r.EnquiryId == enquiry.Id).OrderBy(r => r.SentAtUtc).ToListAsync(cancellationToken);
        var history = await db.Set<EnquiryHistoryEntry>().AsNoTracking().Where(h => h.EnquiryId == enquiry.Id).OrderBy(h => h.AtUtc).ToListAsync(cancellationToken);
        db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.viewed", enquiry.Id, "staff console", enquiry.MatchedCaseId));
        await db.SaveChangesAsync(cancellationToken);
        return new StaffEnquiryView(enquiry, member, loggedBy, assigned, notes, replies, history);
    }

    public async Task<IReadOnlyList<StaffMember>> CaseworkersAsync(CancellationToken cancellationToken = default) =>
        await db.StaffMembers.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <returns>Null when there is no such enquiry; otherwise the mistakes (none when done).</returns>
    public Task<IReadOnlyList<FieldError>?> AssignAsync(string reference, string? staffId, Viewer viewer, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken = default) =>
        ChangeAsync(reference, viewer, async enquiry =>
        {
            var id = Guid.TryParse(staffId, out var parsed) ? parsed : (Guid?)null;
            var staff = id is null ? null : await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (staff is null)
            {
                return [new FieldError("AssignTo", "Select the caseworker to assign the enquiry to")];
            }

            enquiry.Assign(staff.Id, today);
            History(enquiry, nowUtc, viewer, EnquiryHistoryKind.Assigned, $"Assigned to {staff.Name}");
            db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.assigned", enquiry.Id, $"to {staff.Email}", enquiry.MatchedCaseId));
            return [];
        }, cancellationToken);

    /// <summary>Matches the enquiry to a case found by its reference, through the case access policy; recorded in the history and the case's audit trail.</summary>
    public Task<IReadOnlyList<FieldError>?> MatchAsync(string reference, string? caseReference, Viewer viewer, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        ChangeAsync(reference, viewer, async enquiry =>
        {
            var typed = AnswerFormats.Tidy(caseReference);
            if (typed is null)
            {
                return [new FieldError("CaseReference", "Enter the case reference, like EHC-2026-000042")];
            }

            var found = await cases.FindAsync(typed, viewer, cancellationToken);
            if (found is null)
            {
                return [new FieldError("CaseReference", $"There is no case with the reference {typed}")];
            }

            enquiry.MatchTo(found.Case.Id, found.Case.Reference);
            History(enquiry, nowUtc, viewer, EnquiryHistoryKind.Matched, $"Matched to case {found.Case.Reference} by {viewer.Email}");
            db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.matched", enquiry.Id, $"to case {found.Case.Reference}", found.Case.Id));
            return [];
        }, cancellationToken);

    public Task<IReadOnlyList<FieldError>?> AddNoteAsync(string reference, string? text, Viewer viewer, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        ChangeAsync(reference, viewer, async enquiry =>
        {
            if (CheckText(text, "Note", "note") is { } error)
            {
                return [error];
            }

            var author = await StaffNameAsync(viewer, cancellationToken);
            db.Add(new EnquiryNote(Guid.NewGuid(), enquiry.Id, nowUtc, author, AnswerFormats.TidyLong(text)!));
            db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.noteAdded", enquiry.Id, null, enquiry.MatchedCaseId));
            return [];
        }, cancellationToken);

    /// <summary>Sends the reply: stored for the portal, emailed to the member (and the delegate who logged it), and the enquiry answered.</summary>
    public Task<IReadOnlyList<FieldError>?> ReplyAsync(string reference, string? text, Viewer viewer, RequestContact contact, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken = default) =>
        ChangeAsync(reference, viewer, async enquiry =>
        {
            if (CheckText(text, "Reply", "reply") is { } error)
            {
                return [error];
            }

            if (!enquiry.IsOpen)
            {
                return [new FieldError("Reply", "This enquiry has already been answered")];
            }

            var reply = AnswerFormats.TidyLong(text)!;
            var author = await StaffNameAsync(viewer, cancellationToken);
            enquiry.Answer(today);
            db.Add(new EnquiryReply(Guid.NewGuid(), enquiry.Id, nowUtc, author, reply));
            var member = await db.ElectedMembers.AsNoTracking().SingleAsync(m => m.Id == enquiry.ElectedMemberId, cancellationToken);
            db.OutboxMessages.Add(EnquiryEmails.Reply(enquiry, member.Email, member.Name, reply, contact, nowUtc));
            if (enquiry.LoggedByDelegateId is { } delegateId
                && await db.Set<MemberDelegate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == delegateId && d.Active, cancellationToken) is { } loggedBy)
            {
                db.OutboxMessages.Add(EnquiryEmails.Reply(enquiry, loggedBy.Email, loggedBy.Name, reply, contact, nowUtc));
            }

            History(enquiry, nowUtc, viewer, EnquiryHistoryKind.Answered, $"Reply sent by {author}");
            db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.answered", enquiry.Id, enquiry.HasConsent ? "with consent" : "general information only", enquiry.MatchedCaseId));
            return [];
        }, cancellationToken);

    public Task<IReadOnlyList<FieldError>?> CloseAsync(string reference, Viewer viewer, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken = default) =>
        ChangeAsync(reference, viewer, enquiry =>
        {
            try
            {
                enquiry.Close(today);
            }
            catch (DomainException e)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Close", e.Message)]);
            }

            History(enquiry, nowUtc, viewer, EnquiryHistoryKind.Closed, "Closed");
            db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, viewer.Email, "enquiry.closed", enquiry.Id, null, enquiry.MatchedCaseId));
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        }, cancellationToken);

    private async Task<IReadOnlyList<FieldError>?> ChangeAsync(string reference, Viewer viewer, Func<MemberEnquiry, Task<IReadOnlyList<FieldError>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsStaff || MemberEnquiryStore.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enquiry = await db.Set<MemberEnquiry>().Include(e => e.Consent).SingleOrDefaultAsync(e => e.Reference == normalised, cancellationToken);
        if (enquiry is null)
        {
            return null;
        }

        IReadOnlyList<FieldError> errors;
        try
        {
            errors = await change(enquiry);
        }
        catch (DomainException e)
        {
            errors = [new FieldError("Enquiry", e.Message)];
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return errors;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    private void History(MemberEnquiry enquiry, DateTime nowUtc, Viewer viewer, EnquiryHistoryKind kind, string detail) =>
        db.Add(new EnquiryHistoryEntry(Guid.NewGuid(), enquiry.Id, nowUtc, viewer.Email, kind, detail));

    private async Task<string> StaffNameAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.StaffMembers.Where(s => s.Id == viewer.StaffMemberId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? viewer.Email;

    private static FieldError? CheckText(string? text, string field, string what)
    {
        var tidy = AnswerFormats.TidyLong(text);
        if (tidy is null)
        {
            return new FieldError(field, $"Enter the {what}");
        }

        return tidy.Length > TextMaxLength
            ? new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"The {what} must be {TextMaxLength} characters or fewer"))
            : null;
    }
}
