namespace SelfService.Data.WorkTray;

/// <summary>What kind of work a tray row is; filters and the dashboard group by it.</summary>
public enum WorkItemKind
{
    NewRequest,
    Assessment,
    DraftAwaitingResponse,
    PlanToFinalise,
    AnnualReview,
    MembersEnquiry,
    Complaint,
}

/// <summary>
/// One row in the caseworkers' work tray: something with a legal or service deadline.
/// </summary>
/// <param name="Reference">The case, enquiry or complaint reference shown to staff.</param>
/// <param name="Title">Who or what it is about, e.g. the child's name and the step due.</param>
/// <param name="NextStep">What must happen next, in a few words.</param>
/// <param name="DueOn">The next legal or service-level date.</param>
/// <param name="Link">The staff page for it.</param>
/// <param name="AssignedStaffId">The caseworker it is assigned to, if any.</param>
/// <param name="SchoolId">The school concerned, for the school filter.</param>
/// <param name="InException">Whether a statutory exception currently applies.</param>
public sealed record WorkItem(
    WorkItemKind Kind,
    string Reference,
    string Title,
    string NextStep,
    DateOnly DueOn,
    string Link,
    Guid? AssignedStaffId = null,
    string? Stage = null,
    Guid? SchoolId = null,
    bool InException = false);

/// <summary>What the tray is asked for. Null means "any".</summary>
public sealed record WorkTrayFilter(
    IReadOnlySet<WorkItemKind>? Kinds = null,
    Guid? AssignedStaffId = null,
    Guid? SchoolId = null,
    bool OverdueOnly = false,
    bool? InException = null);

/// <summary>
/// A producer of tray rows (cases, members' enquiries, complaints). The tray asks every registered
/// source for its earliest-due rows and merges them, so each source must return its rows ordered by
/// <see cref="WorkItem.DueOn"/> (then reference) and may stop at <paramref name="take"/>.
/// </summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ListAsync(WorkTrayFilter filter, DateOnly today, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(WorkTrayFilter filter, DateOnly today, CancellationToken cancellationToken);
}
