using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Domain.Assessments;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>Confirmation of the viewer's latest response to the draft plan, read back from the case.</summary>
public sealed class DraftPlanResponseSentModel(IPortalUser user, CaseReader reader, UkClock clock) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public RepresentationsReceived Representations { get; private set; } = null!;

    public string ResponseText { get; private set; } = "";

    public bool IsLate { get; private set; }

    public string NextStep { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindForViewerAsync(reference, viewer, CaseChannels.Portal, cancellationToken);
        var response = record?.Case.Events.OfType<RepresentationsReceived>()
            .LastOrDefault(e => string.Equals(e.RecordedBy, viewer.Email, StringComparison.OrdinalIgnoreCase));
        if (record is null || response is null)
        {
            return NotFound();
        }

        Record = record;
        Representations = response;
        var served = CaseHistory.DraftAnswered(record.Case.Events, response);
        IsLate = served is { } s && response.OccurredOn > DraftPlanResponses.DeadlineFor(s);
        ResponseText = CaseHistory.ResponseText(record, response, served);
        NextStep = record.Case.Timeline(clock.Today()).NextStep;
        return Page();
    }
}
