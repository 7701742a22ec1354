using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

/// <summary>
/// The child or young person. A parent picks one of their children already known to the service,
/// or gives a new child's details; a young person's own record fills the form in.
/// </summary>
public sealed class ChildModel(RequestServices services, CaseStoreDbContext db) : RequestPageModel(services)
{
    public const string SomeoneElse = "new";

    [BindProperty]
    public string? ChildChoice { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? KnownAs { get; set; }

    [BindProperty]
    public DateParts DateOfBirth { get; set; } = new(null, null, null);

    [BindProperty]
    public string? Postcode { get; set; }

    /// <summary>Show the details form even when the parent has children to pick from.</summary>
    [FromQuery(Name = "new")]
    public bool NewChild { get; set; }

    public IReadOnlyList<ChoiceOption> KnownChildren { get; private set; } = [];

    public bool ShowChooser => KnownChildren.Count > 0 && !NewChild;

    public bool IsYoungPerson => Answers.WhoIsAsking?.Requester == Requester.YoungPerson;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotStarted()) is { } stop)
        {
            return stop;
        }

        var children = await LoadChildrenAsync(cancellationToken);
        if (Answers.Child is { } child)
        {
            ChildChoice = child.ExistingChildId?.ToString() ?? SomeoneElse;
            NewChild |= child.ExistingChildId is null || !ShowChooser;
            Fill(child.FirstName, child.LastName, child.KnownAs, child.DateOfBirth, child.Postcode);
        }
        else if (IsYoungPerson && children.YoungPerson is { } self)
        {
            Fill(self.FirstName, self.LastName, self.KnownAs, self.DateOfBirth, self.Postcode);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotStarted()) is { } stop)
        {
            return stop;
        }

        var children = await LoadChildrenAsync(cancellationToken);
        var requester = Answers.WhoIsAsking!.Requester;
        Checked<ChildAnswer> result;
        if (ShowChooser)
        {
            if (ChildChoice == SomeoneElse)
            {
                return Redirect(PageHref(RequestPages.Child) + "?new=true" + (ReturnTo is null ? "" : "&returnTo=" + ReturnTo));
            }

            if (!Guid.TryParse(ChildChoice, out var chosenId) || children.InCare.SingleOrDefault(c => c.Id == chosenId) is not { } chosen)
            {
                return Invalid([new FieldError(nameof(ChildChoice), "Select who the request is for")]);
            }

            result = RequestQuestions.CheckChild(InputFrom(chosen), requester, Services.Today, chosen.Id);
            if (!result.IsValid)
            {
                // The record itself is out of range (over 25): say so on the chooser.
                return Invalid([new FieldError(nameof(ChildChoice), result.Errors[0].Message)]);
            }
        }
        else
        {
            var existing = IsYoungPerson ? children.YoungPerson?.Id : null;
            result = RequestQuestions.CheckChild(new ChildInput(FirstName, LastName, KnownAs, DateOfBirth, Postcode), requester, Services.Today, existing);
            if (!result.IsValid)
            {
                return Invalid(result.Errors);
            }
        }

        var next = Answers.Parents is null ? PageHref(RequestPages.Parents) : TaskListHref;
        return await SaveAsync(RequestPages.Child, a => a with { Child = result.Value }, next, cancellationToken);
    }

    private RedirectResult? NotStarted() => Answers.WhoIsAsking is null ? Redirect(PageHref(RequestPages.WhoIsAsking)) : null;

    private async Task<(List<Child> InCare, Child? YoungPerson)> LoadChildrenAsync(CancellationToken cancellationToken)
    {
        var viewer = await Services.User.GetViewerAsync(cancellationToken);
        var requester = Answers.WhoIsAsking?.Requester;
        var ids = requester == Requester.Parent ? viewer.ChildrenInCare.ToList() : [];
        var inCare = ids.Count == 0 ? [] : await db.Children.Where(c => ids.Contains(c.Id)).OrderBy(c => c.DateOfBirth).ToListAsync(cancellationToken);
        var self = requester == Requester.YoungPerson && viewer.YoungPersonChildId is { } own
            ? await db.Children.SingleOrDefaultAsync(c => c.Id == own, cancellationToken)
            : null;
        var born = CultureInfo.GetCultureInfo("en-GB");
        KnownChildren = [.. inCare.Select(c => new ChoiceOption(c.Id.ToString(), c.DisplayName, "Born " + c.DateOfBirth.ToString("d MMMM yyyy", born)))];
        return (inCare, self);
    }

    private static ChildInput InputFrom(Child child) =>
        new(child.FirstName, child.LastName, child.KnownAs, DateParts.From(child.DateOfBirth), child.Postcode);

    private void Fill(string first, string last, string? knownAs, DateOnly dateOfBirth, string postcode)
    {
        FirstName = first;
        LastName = last;
        KnownAs = knownAs;
        DateOfBirth = DateParts.From(dateOfBirth);
        Postcode = postcode;
    }
}
