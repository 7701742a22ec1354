using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Requests;

/// <summary>The child's current school or setting; a school asking is prefilled with itself.</summary>
public sealed class SchoolModel(RequestServices services, CaseStoreDbContext db) : RequestPageModel(services)
{
    [BindProperty]
    public string? Attends { get; set; }

    [BindProperty]
    public string? SchoolName { get; set; }

    [BindProperty]
    public string? Urn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Answers.School is { } school)
        {
            Attends = school.AttendsSetting ? "yes" : "no";
            SchoolName = school.Name;
            Urn = school.Urn;
        }
        else if (Answers.WhoIsAsking is { Requester: Requester.SchoolWithParentalConsent, SchoolId: { } own }
            && await db.Schools.SingleOrDefaultAsync(s => s.Id == own, cancellationToken) is { } mine)
        {
            Attends = "yes";
            SchoolName = mine.Name;
            Urn = mine.Urn;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var urn = AnswerFormats.Tidy(Urn);
        var known = urn is null
            ? null
            : await db.Schools.Where(s => s.Urn == urn).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken);
        var result = RequestQuestions.CheckSchool(Attends, SchoolName, Urn, _ => known is null ? null : (known.Id, known.Name));
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.Needs is null ? PageHref(RequestPages.Needs) : TaskListHref;
        return await SaveAsync(RequestPages.School, a => a with { School = result.Value }, next, cancellationToken);
    }
}
