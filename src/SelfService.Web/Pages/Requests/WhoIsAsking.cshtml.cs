using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

public sealed class WhoIsAskingModel(RequestServices services, CaseStoreDbContext db) : RequestPageModel(services)
{
    [BindProperty]
    public string? Requester { get; set; }

    [BindProperty]
    public string? SchoolId { get; set; }

    /// <summary>The schools this account acts for; a SENCO asks as one of them.</summary>
    public IReadOnlyDictionary<Guid, string> Schools { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<ChoiceOption> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        await LoadChoicesAsync(cancellationToken);
        Requester = Answers.WhoIsAsking?.Requester.ToString();
        SchoolId = Answers.WhoIsAsking?.SchoolId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        await LoadChoicesAsync(cancellationToken);
        var result = RequestQuestions.CheckWhoIsAsking(Requester, SchoolId, Schools);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var answer = result.Value!;
        var changed = Answers.WhoIsAsking is { } before && before.Requester != answer.Requester;
        var next = answer.Requester == Domain.Assessments.Requester.SchoolWithParentalConsent
            ? PageHref(RequestPages.Consent)
            : changed || Answers.Child is not null ? TaskListHref : PageHref(RequestPages.Child);
        if (changed)
        {
            // Who asks decides which child may be picked, who "you" is among the parents, and whether consent is needed.
            ReturnTo = null;
        }

        return await SaveAsync(RequestPages.WhoIsAsking, a => changed
            ? a with { WhoIsAsking = answer, Consent = null, Child = null, Parents = null }
            : a with { WhoIsAsking = answer }, next, cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var viewer = await Services.User.GetViewerAsync(cancellationToken);
        var ids = viewer.SchoolIds.ToList();
        Schools = ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Schools.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var options = new List<ChoiceOption>
        {
            new(nameof(Domain.Assessments.Requester.Parent), "I am a parent or carer of the child or young person"),
            new(nameof(Domain.Assessments.Requester.YoungPerson), "I am a young person aged 16 to 25, asking for myself"),
        };
        if (Schools.Count > 0)
        {
            var school = Schools.Count == 1 ? Schools.Values.Single() : "a school, college or setting";
            options.Add(new(nameof(Domain.Assessments.Requester.SchoolWithParentalConsent), $"I am asking for {school}, with the parent's consent", "You will need to record who gave consent, how and when."));
        }

        Options = options;
    }
}
