using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Enquiries;
using SelfService.Domain.Requests;
using SelfService.Web.Documents;
using SelfService.Web.Enquiries;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>
/// Check answers, with an optional upload of the consent evidence, then send: logging is once per
/// draft, so a double click sends one enquiry.
/// </summary>
/// <remarks>
/// As on the request documents page, the form is read first with the upload limit and the
/// antiforgery token is checked here, after it (the automatic check would read the body first).
/// </remarks>
[UploadLimits]
[IgnoreAntiforgeryToken]
public sealed class CheckModel(EnquiryPageServices services, ConsentEvidenceUploads uploads, IAntiforgery antiforgery) : PageModel
{
    [FromRoute]
    public Guid DraftId { get; set; }

    public IReadOnlyList<CheckAnswersRow> Rows { get; private set; } = [];

    public bool HasConsent { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer
            || await services.Store.FindDraftAsync(DraftId, viewer.AccountId, cancellationToken) is not { } draft)
        {
            return NotFound();
        }

        if (draft.EnquiryReference is { } sent)
        {
            return Redirect($"/members/enquiries/{sent}/confirmation");
        }

        Show(draft.Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer)
        {
            return NotFound();
        }

        if (await services.Store.FindDraftAsync(DraftId, viewer.AccountId, cancellationToken) is not { } draft)
        {
            return NotFound();
        }

        var tooLarge = UploadLimitsAttribute.WasTooLarge(HttpContext);
        if (!tooLarge && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var file = tooLarge || draft.Answers.Consent is null ? null : (await Request.ReadFormAsync(cancellationToken)).Files.GetFile(ConsentEvidenceUploads.Field);
        var upload = tooLarge
            ? new EvidenceUpload(null, $"The file must be smaller than {uploads.MaxFileSizeText}")
            : await uploads.ReceiveAsync(file, cancellationToken);
        if (upload.Error is { } error)
        {
            Errors.Add(new FieldError(ConsentEvidenceUploads.Field, error));
            ViewData["HasError"] = true;
            Show(draft.Answers);
            return Page();
        }

        var logged = await services.Store.LogAsync(DraftId, viewer, services.Contact.Current, services.NowUtc, services.Today, upload.Evidence, cancellationToken);
        if (logged is null || logged.AlreadyLogged)
        {
            uploads.Discard(upload);
        }

        return logged is null ? NotFound() : Redirect($"/members/enquiries/{logged.Reference}/confirmation");
    }

    private void Show(EnquiryAnswers answers)
    {
        Rows = RowsFor(answers, $"/members/enquiries/new?draft={DraftId}");
        HasConsent = answers.Consent is not null;
    }

    private static List<CheckAnswersRow> RowsFor(EnquiryAnswers a, string change)
    {
        var rows = new List<CheckAnswersRow>
        {
            new("Child or young person", $"{a.ChildFirstName} {a.ChildLastName}", change + "#ChildFirstName", "child's name"),
            new("Date of birth", EnquiryPageText.Date(a.ChildDateOfBirth), change + "#ChildDateOfBirth", "date of birth"),
            new("Parent or carer", a.ParentName, change + "#ParentName", "parent or carer"),
            new("Postcode", a.Postcode, change + "#Postcode", "postcode"),
            new("Case reference", a.CaseReference ?? "Not known", change + "#CaseReference", "case reference"),
            new("What they are worried about", a.Concern, change + "#Concern", "what they are worried about"),
            new("Category", EnquiryText.Category(a.Category), change + "#Category", "category"),
        };
        rows.Add(a.Consent is { } consent
            ? new("Consent", $"Given by {consent.GivenBy}, {EnquiryText.ConsentMethod(consent.Method).ToLowerInvariant()}, on {EnquiryPageText.Date(consent.GivenOn)}", change + "#HasConsent", "consent")
            : new("Consent", "Not given: the reply will give general information only", change + "#HasConsent", "consent"));
        return rows;
    }
}
