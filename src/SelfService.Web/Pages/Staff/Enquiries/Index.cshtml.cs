using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Enquiries;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Staff.Enquiries;

/// <summary>The SEND members' inbox: every enquiry not yet closed, earliest due first, with filters.</summary>
public sealed class IndexModel(EnquiryInbox inbox, StaffDirectory staff, UkClock clock) : PageModel
{
    [FromQuery(Name = "member")]
    public string? Member { get; set; }

    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "overdue")]
    public bool Overdue { get; set; }

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    public IReadOnlyList<ElectedMember> Members { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Members = await inbox.MembersWithEnquiriesAsync(cancellationToken);
        StaffNames = await staff.StaffNamesAsync(cancellationToken);
        Guid? memberId = null;
        if (!string.IsNullOrEmpty(Member))
        {
            if (Guid.TryParse(Member, out var id))
            {
                memberId = id;
            }
            else
            {
                Errors.Add(new FieldError("member", "Select a councillor or MP from the list"));
            }
        }

        EnquiryCategory? category = null;
        if (!string.IsNullOrEmpty(Category))
        {
            if (Enum.TryParse<EnquiryCategory>(Category, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                category = parsed;
            }
            else
            {
                Errors.Add(new FieldError("category", "Select a category from the list"));
            }
        }

        if (Area is { Length: > 200 })
        {
            Errors.Add(new FieldError("area", "Select a ward or constituency from the list"));
            Area = null;
        }

        ViewData["HasError"] = Errors.Count > 0;
        Rows = await inbox.ListAsync(new InboxFilter(memberId, Area, category, Overdue), clock.Today(), cancellationToken);
    }

    public static string Date(DateOnly date) => UkDate.DayMonthYear(date);
}
