using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Requests;

/// <summary>The views, wishes and feelings of the child and family (CFA s19).</summary>
public sealed class ViewsModel(RequestServices services) : RequestPageModel(services)
{
    [BindProperty]
    public string? ChildViews { get; set; }

    [BindProperty]
    public string? FamilyViews { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        ChildViews = Answers.Views?.ChildViews;
        FamilyViews = Answers.Views?.FamilyViews;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var result = RequestQuestions.CheckViews(ChildViews, FamilyViews);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.Professionals is null ? PageHref(RequestPages.Professionals) : TaskListHref;
        return await SaveAsync(RequestPages.Views, a => a with { Views = result.Value }, next, cancellationToken);
    }
}
