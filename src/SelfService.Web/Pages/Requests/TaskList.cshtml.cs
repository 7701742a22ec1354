using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

public sealed class TaskListModel(RequestServices services) : RequestPageModel(services)
{
    public IReadOnlyList<(string Heading, Components.TaskListModel List)> Groups { get; private set; } = [];

    public int Completed { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var documents = await Services.Drafts.DocumentCountAsync(DraftId, cancellationToken);
        var groups = RequestTaskList.For(Answers, documents, Services.Today);
        Groups = [.. groups.Select((g, i) => (g.Heading, new Components.TaskListModel(
            [.. g.Tasks.Select(t => new TaskListItem(Name(t), PageHref(t.Key), t.Status))],
            $"section-{i + 1}")))];
        var tasks = groups.Take(2).SelectMany(g => g.Tasks).ToList();
        Completed = tasks.Count(t => t.Status == RequestTaskStatus.Completed);
        Total = tasks.Count;
        return Page();
    }

    private string Name(RequestTask task) =>
        task.Key == RequestPages.WhoIsAsking && Answers.WhoIsAsking?.Requester == Requester.SchoolWithParentalConsent
            ? "Who is asking and parental consent"
            : task.Name;
}
