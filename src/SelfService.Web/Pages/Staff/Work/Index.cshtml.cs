using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.WorkTray;
using SelfService.Web.Hosting;
using SelfService.Domain.People;

namespace SelfService.Web.Pages.Staff.Work;

/// <summary>The caseworkers' work tray: everything with a legal or service deadline, soonest first.</summary>
public sealed class IndexModel(WorkTrayQuery tray, CaseStoreDbContext db, UkClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WorkItemKind? Kind { get; set; }

    /// <summary>A caseworker's id, or "me" (the default is everyone).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Caseworker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SchoolUrn { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>"yes", "no" or empty for either.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Exception { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public WorkTrayPage Tray { get; private set; } = new([], 0, 1, WorkTrayQuery.DefaultPageSize);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<StaffMember> Caseworkers { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public string? SchoolNotFound { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Caseworkers = await db.StaffMembers.AsNoTracking().Where(s => s.Role == StaffRole.Caseworker).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        StaffNames = await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        Guid? schoolId = null;
        if (!string.IsNullOrWhiteSpace(SchoolUrn))
        {
            var urn = SchoolUrn.Trim();
            schoolId = await db.Schools.Where(s => s.Urn == urn).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (schoolId is null)
            {
                SchoolNotFound = $"There is no school with URN {urn}.";
                ModelState.AddModelError(nameof(SchoolUrn), SchoolNotFound);
                return;
            }
        }

        var filter = new WorkTrayFilter(
            Kind is { } kind ? new HashSet<WorkItemKind> { kind } : null,
            Guid.TryParse(Caseworker, out var staffId) ? staffId : null,
            schoolId,
            Overdue,
            Exception switch { "yes" => true, "no" => false, _ => null });
        Tray = await tray.PageAsync(filter, Today, PageNumber, WorkTrayQuery.DefaultPageSize, cancellationToken);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["caseworker"] = Caseworker,
            ["schoolUrn"] = SchoolUrn,
            ["overdue"] = Overdue ? "true" : null,
            ["exception"] = Exception,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public static string KindName(WorkItemKind kind) => kind switch
    {
        WorkItemKind.NewRequest => "New request",
        WorkItemKind.Assessment => "Assessment in progress",
        WorkItemKind.DraftAwaitingResponse => "Draft awaiting response",
        WorkItemKind.PlanToFinalise => "Plan to finalise",
        WorkItemKind.AnnualReview => "Annual review",
        WorkItemKind.MembersEnquiry => "Members' enquiry",
        WorkItemKind.Complaint => "Complaint",
        _ => kind.ToString(),
    };

    public static (string Text, string Css) RagTag(Rag rag) => rag switch
    {
        Rag.Red => ("Overdue", "govuk-tag--red"),
        Rag.Amber => ("Due soon", "govuk-tag--yellow"),
        _ => ("On track", "govuk-tag--green"),
    };
}
