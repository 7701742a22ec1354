using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;
using SelfService.Domain.Complaints;

namespace SelfService.Data.Complaints;

/// <summary>What a complainant gave on the form; <see cref="CaseReference"/> null means "about the service".</summary>
public sealed record ComplaintSubmission(
    string ComplainantName,
    ComplainantRole Role,
    string? CaseReference,
    string WhatWentWrong,
    string PutRight,
    string? ConstituentName = null,
    string? ConstituentConsent = null);

public enum ComplaintChangeOutcome
{
    Done,
    NotFound,
    Refused,
}

/// <summary>The result of a change: the complaint as it now is, or why not.</summary>
public sealed record ComplaintChangeResult(ComplaintChangeOutcome Outcome, Complaint? Complaint = null, string? ErrorCode = null, string? Message = null)
{
    public static readonly ComplaintChangeResult NotFound = new(ComplaintChangeOutcome.NotFound);
}

/// <summary>A change staff record on a complaint; each maps to one guarded step of <see cref="Complaint"/>.</summary>
public abstract record ComplaintChange(string Action)
{
    public sealed record Acknowledge(DateOnly On) : ComplaintChange("complaint.acknowledged");

    public sealed record Extend(string Reason) : ComplaintChange("complaint.extended");

    public sealed record Respond(ComplaintOutcome Outcome, string Remedy, string Response, DateOnly On) : ComplaintChange("complaint.responded");

    public sealed record ReferToOmbudsman(DateOnly On, string OmbudsmanReference) : ComplaintChange("complaint.referredToOmbudsman");

    public sealed record RecordOmbudsmanOutcome(OmbudsmanOutcome Outcome, string? Remedy, DateOnly On) : ComplaintChange("complaint.ombudsmanOutcome");

    public sealed record Close(DateOnly On) : ComplaintChange("complaint.closed");
}

/// <summary>
/// The one way to read or change a complaint. A complaint is seen only by the account that made
/// it and by staff; anyone else is told it does not exist. A complaint about a case can be made
/// only about a case the complainant may see (<see cref="CaseAccessPolicy"/>). Every view and
/// change is audited, and every change commits with its audit entry and email in one transaction.
/// </summary>
public sealed class ComplaintStore(CaseStoreDbContext db, TimeProvider time, ServiceLevels levels, WorkingDayCalendar calendar)
{
    public const string MadeAction = "complaint.made";
    public const string ViewedAction = "complaint.viewed";
    public const string ListedAction = "complaints.listed";
    public const string Stage2RequestedAction = "complaint.stage2Requested";
    public const string EntityType = nameof(Complaint);

    public async Task<ComplaintChangeResult> MakeAsync(ComplaintSubmission submission, Viewer viewer, DateOnly today, RequestContact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(contact);
        if (!viewer.IsSignedIn)
        {
            return ComplaintChangeResult.NotFound;
        }

        if (submission.Role == ComplainantRole.MemberForConstituent && viewer.ElectedMemberId is null)
        {
            return Refused(new DomainException(ComplaintErrors.NotAtThisStep, "Only a councillor or MP can complain on a constituent's behalf"));
        }

        Guid? caseId = null;
        string? caseReference = null;
        if (!string.IsNullOrWhiteSpace(submission.CaseReference))
        {
            // The same check as viewing the case: a case the viewer may not see is one that does not exist.
            var found = await new CaseReader(db, time).FindAsync(submission.CaseReference, viewer, cancellationToken);
            if (found is null)
            {
                return ComplaintChangeResult.NotFound;
            }

            caseId = found.Case.Id;
            caseReference = found.Case.Reference;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await ComplaintReferences.NextAsync(db, today.Year, cancellationToken);
        Complaint complaint;
        try
        {
            complaint = Complaint.Open(
                new NewComplaint(Guid.NewGuid(), viewer.AccountId, viewer.Email, submission.ComplainantName.Trim(), submission.Role, caseId, caseReference,
                    submission.WhatWentWrong, submission.PutRight, submission.ConstituentName, submission.ConstituentConsent),
                reference, today, levels, calendar);
        }
        catch (DomainException refused)
        {
            return Refused(refused);
        }

        db.Set<Complaint>().Add(complaint);
        db.AuditEntries.Add(Audit(complaint, viewer.Email, MadeAction, $"stage 1; {complaint.Role}"));
        db.OutboxMessages.Add(ComplaintEmails.Received(complaint, contact, Now()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ComplaintChangeResult(ComplaintChangeOutcome.Done, complaint);
    }

    /// <summary>The complainant's own complaint, or null (not theirs and not found look the same).</summary>
    public async Task<Complaint?> FindForComplainantAsync(string reference, Viewer viewer, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var complaint = await FindOwnAsync(reference, viewer, tracked: false, cancellationToken);
        if (complaint is not null)
        {
            await AuditAsync(Audit(complaint, viewer.Email, ViewedAction, $"{channel}; as complainant"), cancellationToken);
        }

        return complaint;
    }

    public async Task<IReadOnlyList<Complaint>> ListForComplainantAsync(Viewer viewer, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsSignedIn)
        {
            return [];
        }

        var list = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.ComplainantAccountId == viewer.AccountId)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Reference)
            .ToListAsync(cancellationToken);
        await AuditAsync(
            new AuditEntry(Now(), viewer.Email, ListedAction, "Account", viewer.AccountId.ToString())
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"{channel}; {list.Count} complaints"),
            },
            cancellationToken);
        return list;
    }

    /// <summary>The complainant asks for stage 2 (refused with the reason once the window has closed).</summary>
    public async Task<ComplaintChangeResult> RequestStage2Async(string reference, Viewer viewer, string reason, DateOnly today, RequestContact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(contact);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var complaint = await FindOwnAsync(reference, viewer, tracked: true, cancellationToken);
        if (complaint is null)
        {
            return ComplaintChangeResult.NotFound;
        }

        try
        {
            complaint.RequestStage2(reason, today, levels, calendar);
        }
        catch (DomainException refused)
        {
            return Refused(refused);
        }

        db.AuditEntries.Add(Audit(complaint, viewer.Email, Stage2RequestedAction, "stage 2"));
        db.OutboxMessages.Add(ComplaintEmails.Stage2Received(complaint, contact, Now()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ComplaintChangeResult(ComplaintChangeOutcome.Done, complaint);
    }

    /// <summary>Any complaint, for staff; null for anyone else.</summary>
    public async Task<Complaint?> FindForStaffAsync(string reference, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsStaff || Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var complaint = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == normalised, cancellationToken);
        if (complaint is not null)
        {
            await AuditAsync(Audit(complaint, viewer.Email, ViewedAction, "staff"), cancellationToken);
        }

        return complaint;
    }

    /// <summary>Open complaints for staff, earliest due first (those waiting on nobody's date last).</summary>
    public async Task<IReadOnlyList<Complaint>> ListOpenForStaffAsync(Viewer viewer, DateOnly today, bool overdueOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsStaff)
        {
            return [];
        }

        var query = db.Set<Complaint>().AsNoTracking().Where(c => c.Status != ComplaintStatus.Closed);
        if (overdueOnly)
        {
            query = query.Where(c => c.NextDueOn != null && c.NextDueOn < today);
        }

        var list = await query.ToListAsync(cancellationToken);
        await AuditAsync(
            new AuditEntry(Now(), viewer.Email, ListedAction, "Staff", viewer.StaffMemberId.ToString()!)
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"staff; open{(overdueOnly ? ", overdue" : "")}; {list.Count} complaints"),
            },
            cancellationToken);
        return [.. list.OrderBy(c => c.NextDueOn ?? DateOnly.MaxValue).ThenBy(c => c.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Records a staff change, with its audit entry and any email, or says why it is refused.</summary>
    public async Task<ComplaintChangeResult> ChangeAsync(string reference, Viewer viewer, ComplaintChange change, RequestContact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(contact);
        if (!viewer.IsStaff || Normalise(reference) is not { } normalised)
        {
            return ComplaintChangeResult.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Reference == normalised, cancellationToken);
        if (complaint is null)
        {
            return ComplaintChangeResult.NotFound;
        }

        var stageBefore = complaint.Stage;
        OutboxMessage? email;
        try
        {
            email = Apply(complaint, change, contact);
        }
        catch (DomainException refused)
        {
            return Refused(refused);
        }

        db.AuditEntries.Add(Audit(complaint, viewer.Email, change.Action, string.Create(CultureInfo.InvariantCulture, $"stage {stageBefore}; now {complaint.Status}")));
        if (email is not null)
        {
            db.OutboxMessages.Add(email);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ComplaintChangeResult(ComplaintChangeOutcome.Done, complaint);
    }

    private OutboxMessage? Apply(Complaint complaint, ComplaintChange change, RequestContact contact)
    {
        switch (change)
        {
            case ComplaintChange.Acknowledge acknowledge:
                complaint.Acknowledge(acknowledge.On);
                return null;
            case ComplaintChange.Extend extend:
                complaint.ExtendStage1(extend.Reason, levels, calendar);
                return ComplaintEmails.Extended(complaint, contact, Now());
            case ComplaintChange.Respond respond:
                var stage = complaint.Stage;
                complaint.Respond(respond.Outcome, respond.Remedy, respond.Response, respond.On, levels);
                return stage == 1 ? ComplaintEmails.Stage1Response(complaint, contact, Now()) : ComplaintEmails.FinalResponse(complaint, contact, Now());
            case ComplaintChange.ReferToOmbudsman refer:
                complaint.ReferToOmbudsman(refer.On, refer.OmbudsmanReference);
                return null;
            case ComplaintChange.RecordOmbudsmanOutcome outcome:
                complaint.RecordOmbudsmanOutcome(outcome.Outcome, outcome.Remedy, outcome.On);
                return null;
            case ComplaintChange.Close close:
                complaint.Close(close.On);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown complaint change.");
        }
    }

    private async Task<Complaint?> FindOwnAsync(string reference, Viewer viewer, bool tracked, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn || Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var complaints = tracked ? db.Set<Complaint>() : db.Set<Complaint>().AsNoTracking();
        return await complaints.SingleOrDefaultAsync(c => c.Reference == normalised && c.ComplainantAccountId == viewer.AccountId, cancellationToken);
    }

    private async Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Audit(Complaint complaint, string actor, string action, string detail) =>
        new(Now(), actor, action, EntityType, complaint.Id.ToString())
        {
            CaseId = complaint.CaseId,
            Detail = detail,
        };

    private static ComplaintChangeResult Refused(DomainException refused) =>
        new(ComplaintChangeOutcome.Refused, null, refused.Code, refused.Message);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string? Normalise(string? reference) => CaseReader.Normalise(reference);
}
