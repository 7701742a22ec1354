using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Requests;

public sealed class ProfessionalRow
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Organisation { get; set; }

    public string? Email { get; set; }
}

/// <summary>Professionals involved, as an "add another" list; leaving it empty says there are none.</summary>
public sealed class ProfessionalsModel(RequestServices services) : RequestPageModel(services)
{
    [BindProperty]
    public List<ProfessionalRow> Professionals { get; set; } = [];

    [BindProperty]
    public string? Action { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        Professionals = Answers.Professionals is { Count: > 0 } given
            ? [.. given.Select(p => new ProfessionalRow { Name = p.Name, Role = p.Role, Organisation = p.Organisation, Email = p.Email })]
            : [new ProfessionalRow()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Professionals.Count == 0)
        {
            Professionals.Add(new ProfessionalRow());
        }

        if (Action == "add")
        {
            if (Professionals.Count < RequestQuestions.MaxProfessionals)
            {
                Professionals.Add(new ProfessionalRow());
            }

            return Page();
        }

        if (Action?.StartsWith("remove-", StringComparison.Ordinal) == true
            && int.TryParse(Action["remove-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < Professionals.Count)
        {
            Professionals.RemoveAt(index);
            if (Professionals.Count == 0)
            {
                Professionals.Add(new ProfessionalRow());
            }

            return Page();
        }

        var result = RequestQuestions.CheckProfessionals([.. Professionals.Select(p => new ProfessionalInput(p.Name, p.Role, p.Organisation, p.Email))]);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.DocumentsConfirmed ? TaskListHref : PageHref(RequestPages.Documents);
        return await SaveAsync(RequestPages.Professionals, a => a with { Professionals = result.Value!.Professionals }, next, cancellationToken);
    }

    public static string Field(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"Professionals[{index}].{name}");
}
