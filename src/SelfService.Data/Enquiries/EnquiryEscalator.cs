using Microsoft.EntityFrameworkCore;
using SelfService.Data.Requests;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;

namespace SelfService.Data.Enquiries;

/// <summary>
/// Tells the service manager(s) about each enquiry not answered by its response date, once. The
/// enquiry is marked escalated by a conditional update in the same transaction as the emails: of
/// several instances running at once, exactly one wins the update and writes the emails; the
/// others' updates match no row and they write nothing.
/// </summary>
public sealed class EnquiryEscalator(CaseStoreDbContext db)
{
    public const string Actor = "enquiry-escalation";

    /// <param name="recipients">Addresses to escalate to; when empty, every service manager.</param>
    /// <returns>How many enquiries this run escalated.</returns>
    public async Task<int> RunAsync(DateOnly today, DateTime nowUtc, RequestContact contact, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(recipients);
        var overdue = await db.Set<MemberEnquiry>()
            .Where(e => (e.Status == EnquiryStatus.Logged || e.Status == EnquiryStatus.Acknowledged) && e.RespondBy < today && e.EscalatedAtUtc == null)
            .OrderBy(e => e.RespondBy)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var managers = await ManagersAsync(recipients, cancellationToken);
        var escalated = 0;
        foreach (var id in overdue)
        {
            if (await EscalateAsync(id, managers, nowUtc, contact, cancellationToken))
            {
                escalated++;
            }
        }

        return escalated;
    }

    private async Task<bool> EscalateAsync(Guid id, IReadOnlyList<(string Email, string Name)> managers, DateTime nowUtc, RequestContact contact, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<MemberEnquiry>()
            .Where(e => e.Id == id && e.EscalatedAtUtc == null && (e.Status == EnquiryStatus.Logged || e.Status == EnquiryStatus.Acknowledged))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EscalatedAtUtc, nowUtc), cancellationToken);
        if (claimed == 0)
        {
            // Another instance escalated it, or it was answered meanwhile.
            return false;
        }

        var enquiry = await db.Set<MemberEnquiry>().AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        var memberName = await db.ElectedMembers.Where(m => m.Id == enquiry.ElectedMemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        foreach (var (email, name) in managers)
        {
            db.OutboxMessages.Add(EnquiryEmails.Escalation(enquiry, memberName, email, name, contact, nowUtc));
        }

        db.Add(new EnquiryHistoryEntry(Guid.NewGuid(), id, nowUtc, Actor, EnquiryHistoryKind.Escalated,
            $"Overdue: escalated to {string.Join(", ", managers.Select(m => m.Name))}"));
        db.AuditEntries.Add(MemberEnquiryStore.Audit(nowUtc, Actor, "enquiry.escalated", id, $"{managers.Count} recipient(s)", enquiry.MatchedCaseId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task<IReadOnlyList<(string Email, string Name)>> ManagersAsync(IReadOnlyCollection<string> recipients, CancellationToken cancellationToken)
    {
        var staff = recipients.Count == 0
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Role == StaffRole.ServiceManager).OrderBy(s => s.Email).ToListAsync(cancellationToken)
            : await db.StaffMembers.AsNoTracking().Where(s => recipients.Contains(s.Email)).OrderBy(s => s.Email).ToListAsync(cancellationToken);
        var known = staff.Select(s => (s.Email, s.Name)).ToList();

        // A configured address that is not a staff record (a team mailbox) still gets the email.
        known.AddRange(recipients.Where(r => known.All(k => !string.Equals(k.Email, r, StringComparison.OrdinalIgnoreCase))).Select(r => (r, "SEND service manager")));
        return known;
    }
}
