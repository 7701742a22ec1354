using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

/// <summary>The child's needs, in the four broad areas of the SEND Code of Practice (6.28-6.35).</summary>
public sealed class NeedsModel(RequestServices services) : RequestPageModel(services)
{
    public static readonly IReadOnlyList<ChoiceOption> AreaOptions =
    [
        new(nameof(NeedArea.CommunicationAndInteraction), "Communication and interaction", "For example, speech, language and communication needs, or autism"),
        new(nameof(NeedArea.CognitionAndLearning), "Cognition and learning", "For example, learning difficulties, or dyslexia"),
        new(nameof(NeedArea.SocialEmotionalAndMentalHealth), "Social, emotional and mental health"),
        new(nameof(NeedArea.SensoryAndPhysical), "Sensory and physical", "For example, hearing or vision impairment, or a physical disability"),
    ];

    [BindProperty]
    public List<string> Areas { get; set; } = [];

    [BindProperty]
    public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        Areas = [.. (Answers.Needs?.Areas ?? []).Select(a => a.ToString())];
        Description = Answers.Needs?.Description;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var result = RequestQuestions.CheckNeeds(Areas, Description);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.SupportHistory is null ? PageHref(RequestPages.SupportHistory) : TaskListHref;
        return await SaveAsync(RequestPages.Needs, a => a with { Needs = result.Value }, next, cancellationToken);
    }
}
