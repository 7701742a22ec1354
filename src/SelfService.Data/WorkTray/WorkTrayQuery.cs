namespace SelfService.Data.WorkTray;

/// <summary>One page of the tray with the total across every source.</summary>
public sealed record WorkTrayPage(IReadOnlyList<WorkItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Merges every registered <see cref="IWorkItemSource"/> into one list ordered by due date, then
/// reference. Each source returns only its earliest rows, so a page costs each source one short
/// ordered query rather than a read of everything open.
/// </summary>
public sealed class WorkTrayQuery(IEnumerable<IWorkItemSource> sources)
{
    public const int DefaultPageSize = 50;

    public async Task<WorkTrayPage> PageAsync(WorkTrayFilter filter, DateOnly today, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var needed = page * pageSize;
        var rows = new List<WorkItem>();
        var total = 0;
        foreach (var source in sources)
        {
            rows.AddRange(await source.ListAsync(filter, today, needed, cancellationToken));
            total += await source.CountAsync(filter, today, cancellationToken);
        }

        var items = rows
            .OrderBy(r => r.DueOn)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToList();
        return new WorkTrayPage(items, total, page, pageSize);
    }
}

/// <summary>Red when overdue, amber when due within a week, green otherwise.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

public static class WorkItemStatus
{
    public const int AmberWithinDays = 7;

    public static Rag RagOn(this WorkItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.DueOn < today ? Rag.Red
            : item.DueOn.DayNumber - today.DayNumber <= AmberWithinDays ? Rag.Amber
            : Rag.Green;
    }

    /// <summary>Days past the due date; zero when not overdue.</summary>
    public static int DaysOverdueOn(this WorkItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Math.Max(0, today.DayNumber - item.DueOn.DayNumber);
    }
}
