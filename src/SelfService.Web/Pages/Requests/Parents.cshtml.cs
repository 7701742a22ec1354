using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

/// <summary>One parent or carer as typed; a row of the add-another list.</summary>
public sealed class ParentRow
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Relationship { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>
/// Parents and carers, as an "add another" list that works without JavaScript: the Add and
/// Remove buttons post the form and the page comes back with a row more or less.
/// </summary>
public sealed class ParentsModel(RequestServices services) : RequestPageModel(services)
{
    public static readonly IReadOnlyList<ChoiceOption> Relationships =
    [
        new(nameof(ParentRelationship.Mother), "Mother"),
        new(nameof(ParentRelationship.Father), "Father"),
        new(nameof(ParentRelationship.Carer), "Carer"),
        new(nameof(ParentRelationship.Guardian), "Guardian"),
        new(nameof(ParentRelationship.FosterCarer), "Foster carer"),
        new(nameof(ParentRelationship.Other), "Other"),
    ];

    [BindProperty]
    public List<ParentRow> Parents { get; set; } = [];

    /// <summary>Which button was pressed: "add", "remove-{n}" or save.</summary>
    [BindProperty]
    public string? Action { get; set; }

    /// <summary>The first row is the signed-in parent themselves, whose address is their account's.</summary>
    public bool FirstIsRequester => Answers.WhoIsAsking?.Requester == Requester.Parent;

    public bool EmailRequired => Answers.WhoIsAsking?.Requester == Requester.SchoolWithParentalConsent;

    public string AccountEmail => Services.User.Email;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NoChild()) is { } stop)
        {
            return stop;
        }

        Parents = Answers.Parents is { Count: > 0 } given
            ? [.. given.Select(p => new ParentRow { FirstName = p.FirstName, LastName = p.LastName, Relationship = p.Relationship.ToString(), Email = p.IsRequester ? null : p.Email, Phone = p.Phone })]
            : [new ParentRow()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NoChild()) is { } stop)
        {
            return stop;
        }

        if (Parents.Count == 0)
        {
            Parents.Add(new ParentRow());
        }

        if (Action == "add")
        {
            if (Parents.Count < RequestQuestions.MaxParents)
            {
                Parents.Add(new ParentRow());
            }

            return Page();
        }

        if (Action?.StartsWith("remove-", StringComparison.Ordinal) == true
            && int.TryParse(Action["remove-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < Parents.Count && !(index == 0 && FirstIsRequester))
        {
            Parents.RemoveAt(index);
            if (Parents.Count == 0)
            {
                Parents.Add(new ParentRow());
            }

            return Page();
        }

        var inputs = Parents.Select((p, i) => new ParentInput(p.FirstName, p.LastName, p.Relationship, i == 0 && FirstIsRequester ? AccountEmail : p.Email, p.Phone, IsRequester: i == 0 && FirstIsRequester)).ToList();
        var result = RequestQuestions.CheckParents(inputs, Answers.WhoIsAsking!.Requester, Answers.Child, Services.Today);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.School is null ? PageHref(RequestPages.School) : TaskListHref;
        return await SaveAsync(RequestPages.Parents, a => a with { Parents = result.Value!.Parents }, next, cancellationToken);
    }

    public static string Field(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"Parents[{index}].{name}");

    private RedirectResult? NoChild() => Answers.Child is null ? Redirect(PageHref(RequestPages.Child)) : null;
}
