using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Casework;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Domain.Requests;
using SelfService.Web.Api;
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

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        string Need(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(field, message));
            }

            return value?.Trim() ?? "";
        }

        DateOnly? Date(string? value, string field, string message)
        {
            if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && SupportedDates.Contains(date))
            {
                return date;
            }

            errors.Add(new(field, message));
            return null;
        }

        var today = clock.Today();
        var request = new
        {
            First = Need(ChildFirstName, nameof(ChildFirstName), "Enter the child's first name"),
            Last = Need(ChildLastName, nameof(ChildLastName), "Enter the child's last name"),
            Born = Date(DateOfBirth, nameof(DateOfBirth), "Enter the child's date of birth as year-month-day"),
            Postcode = Need(Postcode, nameof(Postcode), "Enter the postcode"),
            ParentFirst = Need(ParentFirstName, nameof(ParentFirstName), "Enter the parent's first name"),
            ParentLast = Need(ParentLastName, nameof(ParentLastName), "Enter the parent's last name"),
            Email = Need(ParentEmail, nameof(ParentEmail), "Enter the parent's email address, so they can follow the request"),
            Received = string.IsNullOrWhiteSpace(ReceivedOn) ? today : Date(ReceivedOn, nameof(ReceivedOn), "Enter the date received as year-month-day"),
        };
        if (!string.IsNullOrEmpty(request.Email) && !request.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new(nameof(ParentEmail), "Enter an email address in the correct format, like name@example.com"));
        }

        if (request.Born >= today)
        {
            errors.Add(new(nameof(DateOfBirth), "The child's date of birth must be in the past"));
        }

        if (request.Received > today)
        {
            errors.Add(new(nameof(ReceivedOn), "The date received must be today or in the past"));
        }

        // Only the offline routes: a portal request records itself.
        if (!Enum.TryParse<RequestRoute>(Route, ignoreCase: true, out var route) || route == RequestRoute.Portal || !Enum.IsDefined(route))
        {
            errors.Add(new(nameof(Route), "Select how the request arrived"));
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
                new OfflineRequest(request.First, request.Last, request.Born!.Value, request.Postcode, request.ParentFirst, request.ParentLast, request.Email, request.Received!.Value, route),
                new Recording(viewer.Email, time.GetUtcNow().UtcDateTime),
                cancellationToken);
            return Redirect($"/staff/cases/{reference}");
        }
        catch (DomainException ex)
        {
            Errors = [new(nameof(ChildFirstName), ex.Message)];
            return Page();
        }
    }
}
