using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Casework;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Staff.Cases;

/// <summary>Record a request that arrived by post, email or phone: the non-digital route.</summary>
public sealed class NewModel(IPortalUser user, OfflineRequestRecorder recorder, UkClock clock, TimeProvider time) : PageModel
{
    [BindProperty] public string? ChildFirstName { get; set; }
    [BindProperty] public string? ChildLastName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? ParentFirstName { get; set; }
    [BindProperty] public string? ParentLastName { get; set; }
    [BindProperty] public string? ParentEmail { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string Route { get; set; } = "phone";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        string Need(string? value, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(message);
            }

            return value?.Trim() ?? "";
        }

        DateOnly? Date(string? value, string message)
        {
            if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(message);
            return null;
        }

        var request = new
        {
            First = Need(ChildFirstName, "Enter the child's first name"),
            Last = Need(ChildLastName, "Enter the child's last name"),
            Born = Date(DateOfBirth, "Enter the child's date of birth as year-month-day"),
            Postcode = Need(Postcode, "Enter the postcode"),
            ParentFirst = Need(ParentFirstName, "Enter the parent's first name"),
            ParentLast = Need(ParentLastName, "Enter the parent's last name"),
            Email = Need(ParentEmail, "Enter the parent's email address, so they can follow the request"),
            Received = string.IsNullOrWhiteSpace(ReceivedOn) ? clock.Today() : Date(ReceivedOn, "Enter the date received as year-month-day"),
        };
        if (!string.IsNullOrEmpty(request.Email) && !request.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Enter an email address in the correct format, like name@example.com");
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        try
        {
            var reference = await recorder.RecordAsync(
                new OfflineRequest(request.First, request.Last, request.Born!.Value, request.Postcode, request.ParentFirst, request.ParentLast, request.Email, request.Received!.Value, Route),
                new Recording(viewer.Email, time.GetUtcNow().UtcDateTime),
                cancellationToken);
            return Redirect($"/staff/cases/{reference}");
        }
        catch (DomainException ex)
        {
            Errors = [ex.Message];
            return Page();
        }
    }
}
