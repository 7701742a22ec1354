using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

/// <summary>A school can only ask with the parent's (or young person's) consent: who gave it, how and when.</summary>
public sealed class ConsentModel(RequestServices services) : RequestPageModel(services)
{
    public static readonly IReadOnlyList<ChoiceOption> Methods =
    [
        new(nameof(ConsentMethod.InWriting), "In writing, on a signed form or letter"),
        new(nameof(ConsentMethod.Email), "By email"),
        new(nameof(ConsentMethod.InPerson), "In person, at a meeting"),
        new(nameof(ConsentMethod.Phone), "By phone"),
    ];

    [BindProperty]
    public string? GivenBy { get; set; }

    [BindProperty]
    public string? Method { get; set; }

    [BindProperty]
    public DateParts GivenOn { get; set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotSchool()) is { } stop)
        {
            return stop;
        }

        GivenBy = Answers.Consent?.GivenBy;
        Method = Answers.Consent?.Method.ToString();
        GivenOn = DateParts.From(Answers.Consent?.GivenOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotSchool()) is { } stop)
        {
            return stop;
        }

        var result = RequestQuestions.CheckConsent(GivenBy, Method, GivenOn, Services.Today);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.Child is null ? PageHref(RequestPages.Child) : TaskListHref;
        return await SaveAsync(RequestPages.Consent, a => a with { Consent = result.Value }, next, cancellationToken);
    }

    private RedirectResult? NotSchool() =>
        Answers.WhoIsAsking?.Requester == Requester.SchoolWithParentalConsent ? null : Redirect(PageHref(RequestPages.WhoIsAsking));
}
