using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data;
using SelfService.Data.Casework;
using SelfService.Domain.Common;
using SelfService.Domain.Requests;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Advice;

/// <summary>
/// Where an invited adviser uploads their advice, by the link in their email and without an
/// account. The link opens only its one request while the advice is outstanding (ADR 0024); any
/// other token gets the same "not valid" page, so nothing is learnt by trying.
/// </summary>
[UploadLimits]
[IgnoreAntiforgeryToken]
public sealed class UploadModel(AdviceInvitations invitations, FileIntake intake, IAntiforgery antiforgery, UkClock clock, TimeProvider time) : PageModel
{
    public const string FileField = "Advice";

    /// <summary>Null when the link opens nothing; the page then says so with a 404.</summary>
    public OpenAdviceInvitation? Invitation { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public string MaxFileSize => intake.MaxFileSizeText;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, cancellationToken) is not { } invitation)
        {
            return NotValid();
        }

        Invitation = invitation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, cancellationToken) is not { } invitation)
        {
            return NotValid();
        }

        Invitation = invitation;
        var tooLarge = UploadLimitsAttribute.WasTooLarge(HttpContext);
        if (!tooLarge && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var received = tooLarge
            ? new FileIntakeResult(null, intake.TooLargeMessage)
            : await intake.ReceiveAsync(Request.Form.Files.GetFile(FileField), cancellationToken);
        if (received.File is not { } report)
        {
            return Refused(received.Error ?? "Select the file with your advice");
        }

        try
        {
            await invitations.SubmitAsync(invitation, report, clock.Today(), time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or CaseConcurrencyException)
        {
            intake.Discard(report.StoredName);
            return Refused("Your advice could not be added because the case changed at the same moment. Upload it again; if this page then says the link is not valid, your advice has already been received.");
        }

        TempData["received"] = $"{report.FileName} was received on {clock.Today():d MMMM yyyy} for request {invitation.CaseReference}.";
        return RedirectToPage("/Advice/Received");
    }

    private Task<OpenAdviceInvitation?> OpenAsync(string token, CancellationToken cancellationToken) =>
        invitations.OpenAsync(token, clock.Today(), time.GetUtcNow().UtcDateTime, cancellationToken);

    private PageResult Refused(string message)
    {
        Errors.Add(new FieldError(FileField, message));
        ViewData["HasError"] = true;
        return Page();
    }

    private PageResult NotValid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}
