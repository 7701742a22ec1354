using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>An exception to the time limits as the family is told it (CoP 9.43): what, when, why.</summary>
public sealed record LiftedTimeLimit(string Kind, DateOnly From, DateOnly? To, string Reason);

/// <summary>One request for an EHC needs assessment: status, deadlines, exceptions, contact, history.</summary>
public sealed class CaseModel(IPortalUser user, CaseReader reader, UkClock clock) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public AssessmentTimeline Timeline { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<LiftedTimeLimit> Exceptions { get; private set; } = [];

    public IReadOnlyList<CaseHistoryItem> History { get; private set; } = [];

    public Milestone? Next => CaseText.NextMilestone(Timeline.Milestones);

    public AssessmentCase Case => Record.Case;

    /// <summary>The last day for the family's response to the draft now out, when there is one.</summary>
    public DateOnly? DraftDeadline =>
        Case.Stage == CaseStage.DraftPlanIssued && Case.DraftPlanServedOn is { } served ? DraftPlanResponses.DeadlineFor(served) : null;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindForViewerAsync(reference, viewer, CaseChannels.Portal, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Today = clock.Today();
        Timeline = record.Case.Timeline(Today);
        Exceptions = ExceptionsOf(record.Case);
        History = CaseHistory.For(record, viewer.Email);
        return Page();
    }

    public static IReadOnlyList<LiftedTimeLimit> ExceptionsOf(AssessmentCase assessmentCase)
    {
        ArgumentNullException.ThrowIfNull(assessmentCase);
        var ends = assessmentCase.Events.OfType<ExceptionEnded>().ToDictionary(e => e.ExceptionId, e => e.OccurredOn);
        return
        [
            .. assessmentCase.Events.OfType<ExceptionApplied>().Select(e => new LiftedTimeLimit(
                CaseText.ExceptionKindText(e.Kind),
                e.OccurredOn,
                ends.TryGetValue(e.Id, out var ended) ? ended : e.ExpectedEnd,
                e.Reason)),
        ];
    }
}

/// <summary>Where a view happened, as the audit trail records it.</summary>
public static class CaseChannels
{
    public const string Portal = "portal";
    public const string Api = "api";
}
