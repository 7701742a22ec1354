using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Complaints;
using SelfService.Data.Requests;
using SelfService.Domain.Complaints;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Staff.Complaints;

/// <summary>
/// One complaint for staff: the steps that can be recorded now (acknowledge, extend, respond,
/// Ombudsman referral and outcome, close), each its own form. A refused step keeps what was typed.
/// </summary>
public sealed class ComplaintModel(IPortalUser user, ComplaintStore store, RequestContact contact, UkClock clock) : PageModel
{
    [BindProperty]
    public DateParts AcknowledgedOn { get; set; } = DateParts.From(null);

    [BindProperty]
    public string? ExtensionReason { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Remedy { get; set; }

    [BindProperty]
    public string? ResponseText { get; set; }

    [BindProperty]
    public DateParts RespondedOn { get; set; } = DateParts.From(null);

    [BindProperty]
    public DateParts ReferredOn { get; set; } = DateParts.From(null);

    [BindProperty]
    public string? OmbudsmanReference { get; set; }

    [BindProperty]
    public string? OmbudsmanOutcome { get; set; }

    [BindProperty]
    public string? OmbudsmanRemedy { get; set; }

    [BindProperty]
    public DateParts DecidedOn { get; set; } = DateParts.From(null);

    [BindProperty]
    public DateParts ClosedOn { get; set; } = DateParts.From(null);

    public Complaint Complaint { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public static IReadOnlyList<ChoiceOption> OutcomeOptions { get; } =
        [.. Enum.GetValues<ComplaintOutcome>().Select(o => new ChoiceOption(o.ToString(), ComplaintText.Outcome(o)))];

    public static IReadOnlyList<ChoiceOption> OmbudsmanOutcomeOptions { get; } =
        [.. Enum.GetValues<OmbudsmanOutcome>().Select(o => new ChoiceOption(o.ToString(), ComplaintText.Outcome(o)))];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field || e.Field.StartsWith(field + ".", StringComparison.Ordinal))?.Message;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        var today = DateParts.From(Today);
        AcknowledgedOn = RespondedOn = ReferredOn = DecidedOn = ClosedOn = today;
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(AcknowledgedOn), () => Date(nameof(AcknowledgedOn), "Date acknowledged", AcknowledgedOn) is { } on ? new ComplaintChange.Acknowledge(on) : null, cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(ExtensionReason), () => Text(nameof(ExtensionReason), ExtensionReason, "the reason for the extension, as the complainant will read it") is { } reason ? new ComplaintChange.Extend(reason) : null, cancellationToken);

    public Task<IActionResult> OnPostRespondAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(Remedy), () =>
        {
            var outcome = Enum.TryParse<ComplaintOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : (ComplaintOutcome?)null;
            if (outcome is null)
            {
                Errors.Add(new FieldError(nameof(Outcome), "Select the outcome"));
            }

            if (outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld && string.IsNullOrWhiteSpace(Remedy))
            {
                Errors.Add(new FieldError(nameof(Remedy), "Enter what the council will do to put things right"));
            }

            var response = Text(nameof(ResponseText), ResponseText, "the response");
            var on = Date(nameof(RespondedOn), "Date of the response", RespondedOn);
            return outcome is { } found && response is not null && on is { } date && Errors.Count == 0
                ? new ComplaintChange.Respond(found, Remedy ?? "", response, date)
                : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostReferAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(OmbudsmanReference), () =>
        {
            var on = Date(nameof(ReferredOn), "Date of the referral", ReferredOn);
            var ombudsmanReference = Text(nameof(OmbudsmanReference), OmbudsmanReference, "the Ombudsman's reference", 100);
            return on is { } date && ombudsmanReference is not null ? new ComplaintChange.ReferToOmbudsman(date, ombudsmanReference) : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostOmbudsmanAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(OmbudsmanOutcome), () =>
        {
            var outcome = Enum.TryParse<OmbudsmanOutcome>(OmbudsmanOutcome, out var o) && Enum.IsDefined(o) ? o : (OmbudsmanOutcome?)null;
            if (outcome is null)
            {
                Errors.Add(new FieldError(nameof(OmbudsmanOutcome), "Select the Ombudsman's outcome"));
            }

            var on = Date(nameof(DecidedOn), "Date of the decision", DecidedOn);
            return outcome is { } found && on is { } date ? new ComplaintChange.RecordOmbudsmanOutcome(found, OmbudsmanRemedy, date) : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string reference, CancellationToken cancellationToken) =>
        ChangeAsync(reference, nameof(ClosedOn), () => Date(nameof(ClosedOn), "Date closed", ClosedOn) is { } on ? new ComplaintChange.Close(on) : null, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string reference, string refusalField, Func<ComplaintChange?> read, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        if (read() is { } change && Errors.Count == 0)
        {
            var result = await store.ChangeAsync(reference, await user.GetViewerAsync(cancellationToken), change, contact, cancellationToken);
            switch (result.Outcome)
            {
                case ComplaintChangeOutcome.Done:
                    return Redirect($"/staff/complaints/{Complaint.Reference}");
                case ComplaintChangeOutcome.Refused:
                    Errors.Add(new FieldError(refusalField == nameof(ClosedOn) || refusalField == nameof(AcknowledgedOn) ? refusalField + ".Day" : refusalField, result.Message!));
                    break;
                default:
                    return NotFound();
            }
        }

        return Page();
    }

    private DateOnly? Date(string field, string label, DateParts parts)
    {
        var (date, error) = AnswerFormats.ReadDate(field, label, parts);
        if (error is not null)
        {
            Errors.Add(error);
            return null;
        }

        if (date > Today)
        {
            Errors.Add(new FieldError(field + ".Day", $"{label} must be today or in the past"));
            return null;
        }

        return date;
    }

    private string? Text(string field, string? value, string label, int max = Complaint.MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new FieldError(field, $"Enter {label}"));
            return null;
        }

        if (value.Trim().Length > max)
        {
            Errors.Add(new FieldError(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max} characters or fewer"));
            return null;
        }

        return value.Trim();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await store.FindForStaffAsync(reference, await user.GetViewerAsync(cancellationToken), cancellationToken);
        if (found is null)
        {
            return false;
        }

        Complaint = found;
        Today = clock.Today();
        return true;
    }
}
