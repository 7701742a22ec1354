using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Domain.Timeline;

namespace SelfService.Web.Pages.Requests;

/// <summary>The GOV.UK confirmation: the reference, and the dates the statutory clock sets from the day it was received.</summary>
public sealed class ConfirmationModel(RequestServices services, CaseStoreDbContext db) : RequestPageModel(services)
{
    public string Reference { get; private set; } = "";

    public DateOnly ReceivedOn { get; private set; }

    public DateOnly DecisionDue { get; private set; }

    public DateOnly FinalPlanDue { get; private set; }

    public string ChildName { get; private set; } = "";

    public string UserEmail => Services.User.Email;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken, allowSubmitted: true) is { } stop)
        {
            return stop;
        }

        if (!Draft.IsSubmitted)
        {
            return Redirect(TaskListHref);
        }

        var opened = await db.AssessmentCases.WithEvents().AsNoTracking().SingleAsync(c => c.Id == Draft.CaseId, cancellationToken);
        var timeline = opened.Timeline(Services.Today);
        Reference = opened.Reference;
        ReceivedOn = opened.RequestReceivedOn;
        DecisionDue = timeline.Find(MilestoneKeys.DecisionToAssess)!.Due;
        FinalPlanDue = timeline.Find(MilestoneKeys.FinalPlan)!.Due;
        ChildName = Answers.Child?.DisplayName ?? "the child or young person";
        return Page();
    }
}
