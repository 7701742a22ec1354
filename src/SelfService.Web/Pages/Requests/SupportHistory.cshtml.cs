using Microsoft.AspNetCore.Mvc;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Requests;

/// <summary>SEN support so far: the assess, plan, do, review cycles a school runs before asking (CoP 6.44-6.56).</summary>
public sealed class SupportHistoryModel(RequestServices services) : RequestPageModel(services)
{
    [BindProperty]
    public string? HadSenSupport { get; set; }

    [BindProperty]
    public string? Cycles { get; set; }

    [BindProperty]
    public string? WhatWasTried { get; set; }

    [BindProperty]
    public string? WhatHappened { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Answers.SupportHistory is { } history)
        {
            HadSenSupport = history.HadSenSupport ? "yes" : "no";
            Cycles = history.Cycles?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            WhatWasTried = history.WhatWasTried;
            WhatHappened = history.WhatHappened;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var requester = Answers.WhoIsAsking?.Requester ?? Domain.Assessments.Requester.Parent;
        var result = RequestQuestions.CheckSupportHistory(HadSenSupport, Cycles, WhatWasTried, WhatHappened, requester);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        var next = Answers.Views is null ? PageHref(RequestPages.Views) : TaskListHref;
        return await SaveAsync(RequestPages.SupportHistory, a => a with { SupportHistory = result.Value }, next, cancellationToken);
    }
}
