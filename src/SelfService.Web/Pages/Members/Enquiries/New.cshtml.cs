using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Enquiries;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>
/// The enquiry form: who the child is, the constituent's worry, its category and their consent,
/// on one short page. Mistakes come back with everything typed still in place.
/// </summary>
public sealed class NewModel(EnquiryPageServices services) : PageModel
{
    /// <summary>A draft to change, when coming back from check answers.</summary>
    [FromQuery(Name = "draft")]
    public Guid? DraftId { get; set; }

    [BindProperty]
    public string? ChildFirstName { get; set; }

    [BindProperty]
    public string? ChildLastName { get; set; }

    [BindProperty]
    public DateParts ChildDateOfBirth { get; set; } = new(null, null, null);

    [BindProperty]
    public string? ParentName { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    [BindProperty]
    public string? Concern { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? HasConsent { get; set; }

    [BindProperty]
    public string? ConsentGivenBy { get; set; }

    [BindProperty]
    public string? ConsentMethod { get; set; }

    [BindProperty]
    public DateParts ConsentGivenOn { get; set; } = new(null, null, null);

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public string? DateErrorFor(string field) => Errors.FirstOrDefault(e => e.Field.StartsWith(field + ".", StringComparison.Ordinal))?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer)
        {
            return NotFound();
        }

        if (DraftId is { } id && await services.Store.FindDraftAsync(id, viewer.AccountId, cancellationToken) is { EnquiryReference: null } draft)
        {
            Fill(draft.Answers);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await services.MemberAsync(cancellationToken) is not { } viewer)
        {
            return NotFound();
        }

        var input = new EnquiryInput(
            ChildFirstName, ChildLastName, ChildDateOfBirth, ParentName, Postcode, CaseReference, Concern, Category,
            HasConsent, ConsentGivenBy, ConsentMethod, ConsentGivenOn);
        var result = EnquiryQuestions.Check(input, services.Today);
        if (!result.IsValid)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }

        var draft = await services.Store.SaveDraftAsync(DraftId, viewer.AccountId, result.Value!, services.NowUtc, cancellationToken);
        return Redirect($"/members/enquiries/new/{draft.Id}/check");
    }

    private void Fill(EnquiryAnswers answers)
    {
        ChildFirstName = answers.ChildFirstName;
        ChildLastName = answers.ChildLastName;
        ChildDateOfBirth = DateParts.From(answers.ChildDateOfBirth);
        ParentName = answers.ParentName;
        Postcode = answers.Postcode;
        CaseReference = answers.CaseReference;
        Concern = answers.Concern;
        Category = answers.Category.ToString();
        HasConsent = answers.Consent is null ? "no" : "yes";
        ConsentGivenBy = answers.Consent?.GivenBy;
        ConsentMethod = answers.Consent?.Method.ToString();
        ConsentGivenOn = DateParts.From(answers.Consent?.GivenOn);
    }
}
