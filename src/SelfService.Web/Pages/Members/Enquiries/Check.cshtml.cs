using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Enquiries;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>Check answers, then send: logging is once per draft, so a double click sends one enquiry.</summary>
public sealed class CheckModel(EnquiryPageServices services) : PageModel
{
    [FromRoute]
    public Guid DraftId { get; set; }

    public IReadOnlyList<CheckAnswersRow> Rows { get; private set; } = [];

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

        Rows = RowsFor(draft.Answers, $"/members/enquiries/new?draft={DraftId}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer)
        {
            return NotFound();
        }

        var logged = await services.Store.LogAsync(DraftId, viewer, services.Contact.Current, services.NowUtc, services.Today, cancellationToken);
        return logged is null ? NotFound() : Redirect($"/members/enquiries/{logged.Reference}/confirmation");
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
