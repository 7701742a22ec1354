using Microsoft.EntityFrameworkCore;
using SelfService.Data.WorkTray;
using SelfService.Domain.Complaints;

namespace SelfService.Data.Complaints;

/// <summary>
/// Open complaints as work-tray rows, due on the next date the council must meet. Complaints are
/// not assigned to a caseworker, a school or a statutory exception, so a tray filtered on any of
/// those has no complaint rows; those with the Ombudsman wait on nobody's date here and are left out.
/// </summary>
public sealed class ComplaintWorkItemSource(CaseStoreDbContext db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkTrayFilter filter, DateOnly today, int take, CancellationToken cancellationToken)
    {
        if (Query(filter, today) is not { } query)
        {
            return [];
        }

        var complaints = await query.OrderBy(c => c.NextDueOn).ThenBy(c => c.Reference).Take(take).ToListAsync(cancellationToken);
        return [.. complaints.Select(c => new WorkItem(
            WorkItemKind.Complaint,
            c.Reference,
            $"Complaint from {c.ComplainantName}" + (c.CaseReference is { } caseReference ? $" about {caseReference}" : ""),
            ComplaintText.NextStep(c),
            c.NextDueOn!.Value,
            "/staff/complaints/" + c.Reference,
            Stage: ComplaintText.Status(c.Status)))];
    }

    public async Task<int> CountAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken) =>
        Query(filter, today) is { } query ? await query.CountAsync(cancellationToken) : 0;

    private IQueryable<Complaint>? Query(WorkTrayFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if ((filter.Kinds is { } kinds && !kinds.Contains(WorkItemKind.Complaint))
            || filter.AssignedStaffId is not null || filter.SchoolId is not null || filter.InException == true)
        {
            return null;
        }

        var query = db.Set<Complaint>().AsNoTracking().Where(c => c.Status != ComplaintStatus.Closed && c.NextDueOn != null);
        return filter.OverdueOnly ? query.Where(c => c.NextDueOn < today) : query;
    }
}
