using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Enquiries;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Web.Enquiries;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Enquiries;

/// <summary>One enquiry for staff: assign, match to a case, notes, reply and close, each a form of its own.</summary>
public sealed class EnquiryModel(EnquiryInbox inbox, IPortalUser user, TimeProvider time, UkClock clock, WorkingDayCalendar calendar, EnquiryContact contact) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    [BindProperty]
    public string? AssignTo { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public StaffEnquiryView View { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Caseworkers { get; private set; } = [];

    public EnquiryRag? Rag { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        ChangeAsync(v => inbox.AssignAsync(Reference, AssignTo, v, Now, clock.Today(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMatchAsync(CancellationToken cancellationToken) =>
        ChangeAsync(v => inbox.MatchAsync(Reference, CaseReference, v, Now, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken) =>
        ChangeAsync(v => inbox.AddNoteAsync(Reference, Note, v, Now, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) =>
        ChangeAsync(v => inbox.ReplyAsync(Reference, Reply, v, contact.Current, Now, clock.Today(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(v => inbox.CloseAsync(Reference, v, Now, clock.Today(), cancellationToken), cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ChangeAsync(Func<Viewer, Task<IReadOnlyList<FieldError>?>> change, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var errors = await change(viewer);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count == 0)
        {
            return Redirect($"/staff/enquiries/{View?.Enquiry.Reference ?? Reference.ToUpperInvariant()}");
        }

        Errors.AddRange(errors);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        if (await inbox.FindAsync(Reference, viewer, Now, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Caseworkers = await inbox.CaseworkersAsync(cancellationToken);
        Rag = view.Enquiry.RagOn(clock.Today(), calendar);
        ViewData["HasError"] = Errors.Count > 0;
        return true;
    }

    public static string Date(DateOnly date) => UkDate.DayMonthYear(date);

    public static string When(DateTime utc) => UkDate.DayMonthYear(DateOnly.FromDateTime(utc)) + " " + utc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
