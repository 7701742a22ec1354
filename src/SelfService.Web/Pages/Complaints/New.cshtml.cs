using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Data.Complaints;
using SelfService.Data.Requests;
using SelfService.Domain.Access;
using SelfService.Domain.Complaints;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Complaints;

/// <summary>
/// Making a complaint: the questions, then check answers, then send. The answers travel in the
/// form itself (hidden fields on the check page), so nothing is lost between the steps and no
/// draft is stored for a complaint that is never sent.
/// </summary>
public sealed class NewModel(IPortalUser user, CaseReader reader, ComplaintStore store, RequestContact contact, UkClock clock) : PageModel
{
    public const string ServiceValue = "service";

    [BindProperty]
    public string? ComplainantName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>A case reference the viewer can see, or <see cref="ServiceValue"/>.</summary>
    [BindProperty]
    public string? About { get; set; }

    [BindProperty]
    public string? WhatWentWrong { get; set; }

    [BindProperty]
    public string? PutRight { get; set; }

    [BindProperty]
    public string? ConstituentName { get; set; }

    [BindProperty]
    public string? ConstituentConsent { get; set; }

    public bool IsMember { get; private set; }

    public bool Checking { get; private set; }

    public IReadOnlyList<ChoiceOption> CaseOptions { get; private set; } = [];

    public List<FieldError> Errors { get; } = [];

    public static IReadOnlyList<ChoiceOption> RoleOptions { get; } =
    [
        new(nameof(ComplainantRole.ParentCarer), ComplaintText.Role(ComplainantRole.ParentCarer)),
        new(nameof(ComplainantRole.YoungPerson), ComplaintText.Role(ComplainantRole.YoungPerson)),
        new(nameof(ComplainantRole.School), ComplaintText.Role(ComplainantRole.School)),
        new(nameof(ComplainantRole.Other), ComplaintText.Role(ComplainantRole.Other)),
    ];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Redirect("/sign-in?returnUrl=%2Fcomplaints%2Fnew");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The questions were answered: check them, then show check answers.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Unauthorized();
        }

        var viewer = await LoadAsync(cancellationToken);
        if (!AboutIsOffered())
        {
            return NotFound();
        }

        Validate(viewer);
        Checking = Errors.Count == 0;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Unauthorized();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return Unauthorized();
        }

        var viewer = await LoadAsync(cancellationToken);
        Validate(viewer);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var role = IsMember ? ComplainantRole.MemberForConstituent : Enum.Parse<ComplainantRole>(Role!);
        var result = await store.MakeAsync(
            new ComplaintSubmission(ComplainantName!, role, About == ServiceValue ? null : About, WhatWentWrong!, PutRight!,
                IsMember ? ConstituentName : null, IsMember ? ConstituentConsent : null),
            viewer, clock.Today(), contact, cancellationToken);
        switch (result.Outcome)
        {
            case ComplaintChangeOutcome.Done:
                return Redirect($"/complaints/{result.Complaint!.Reference}/confirmation");
            case ComplaintChangeOutcome.Refused:
                Errors.Add(new FieldError(nameof(WhatWentWrong), result.Message!));
                return Page();
            default:
                return NotFound();
        }
    }

    public string AboutText() =>
        About == ServiceValue ? "The SEND service in general" : CaseOptions.FirstOrDefault(o => o.Value == About)?.Text ?? "";

    private bool AboutIsOffered() =>
        string.IsNullOrEmpty(About) || About == ServiceValue || CaseOptions.Any(o => o.Value == About);

    private void Validate(Viewer viewer)
    {
        Required(nameof(ComplainantName), ComplainantName, "your full name", Complaint.MaxShortTextLength);
        if (!IsMember && !RoleOptions.Any(o => o.Value == Role))
        {
            Errors.Add(new FieldError(nameof(Role), "Select who you are"));
        }

        if (string.IsNullOrEmpty(About))
        {
            Errors.Add(new FieldError(nameof(About), "Select what your complaint is about"));
        }

        Required(nameof(WhatWentWrong), WhatWentWrong, "what went wrong", Complaint.MaxTextLength);
        Required(nameof(PutRight), PutRight, "what would put it right", Complaint.MaxTextLength);
        if (viewer.ElectedMemberId is not null)
        {
            Required(nameof(ConstituentName), ConstituentName, "the name of the constituent you are complaining for", Complaint.MaxShortTextLength);
            Required(nameof(ConstituentConsent), ConstituentConsent, "how and when the constituent agreed to you complaining for them", 2000);
        }
    }

    /// <param name="label">What is asked for, in lower case, e.g. "what went wrong".</param>
    private void Required(string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new FieldError(field, $"Enter {label}"));
        }
        else if (value.Trim().Length > max)
        {
            Errors.Add(new FieldError(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max} characters or fewer"));
        }
    }

    private async Task<Viewer> LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        IsMember = viewer.ElectedMemberId is not null;
        var cases = await reader.ListForViewerAsync(viewer, clock.Today(), ComplaintServices.Portal, cancellationToken);
        CaseOptions = [.. cases.Cases.Select(c => new ChoiceOption(c.Reference, $"{c.ChildName}, request {c.Reference}"))];
        return viewer;
    }
}
