using Microsoft.EntityFrameworkCore;
using SelfService.Data.WorkTray;
using SelfService.Domain.Enquiries;

namespace SelfService.Data.Enquiries;

/// <summary>Open members' enquiries as work-tray rows, due by their next service-level date.</summary>
public sealed class EnquiryWorkItemSource(CaseStoreDbContext db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkTrayFilter filter, DateOnly today, int take, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(filter, today, cancellationToken);
        return [.. items.Take(take)];
    }

    public async Task<int> CountAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken) =>
        (await ItemsAsync(filter, today, cancellationToken)).Count;

    private async Task<List<WorkItem>> ItemsAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // Enquiries concern no school and carry no statutory exception, so those filters exclude them.
        if ((filter.Kinds is { } kinds && !kinds.Contains(WorkItemKind.MembersEnquiry)) || filter.SchoolId is not null || filter.InException == true)
        {
            return [];
        }

        var query = from e in db.Set<MemberEnquiry>().AsNoTracking()
                    join m in db.ElectedMembers.AsNoTracking() on e.ElectedMemberId equals m.Id
                    where e.Status == EnquiryStatus.Logged || e.Status == EnquiryStatus.Acknowledged
                    select new { Enquiry = e, MemberName = m.Name };
        if (filter.AssignedStaffId is { } staffId)
        {
            query = query.Where(r => r.Enquiry.AssignedStaffId == staffId);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(r =>
                (r.Enquiry.Status == EnquiryStatus.Logged && r.Enquiry.AcknowledgeBy < today)
                || (r.Enquiry.Status == EnquiryStatus.Acknowledged && r.Enquiry.RespondBy < today));
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new WorkItem(
                WorkItemKind.MembersEnquiry,
                r.Enquiry.Reference,
                $"{r.Enquiry.ChildName}: enquiry from {r.MemberName}",
                r.Enquiry.Status == EnquiryStatus.Logged ? "Acknowledge the enquiry" : "Reply to the member",
                r.Enquiry.NextDueOn!.Value,
                $"/staff/enquiries/{r.Enquiry.Reference}",
                r.Enquiry.AssignedStaffId,
                EnquiryText.Status(r.Enquiry.Status)))
            .OrderBy(i => i.DueOn)
            .ThenBy(i => i.Reference, StringComparer.Ordinal)];
    }
}
