using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SelfService.Data.Cases;
using SelfService.Domain.Assessments;
using SelfService.Web.Api.Calculators;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Pages.Cases;

namespace SelfService.Web.Api.Cases;

public sealed record CaseworkerResponse(string Name, string Email, string? Phone);

public sealed record CaseExceptionResponse(ExceptionKind Kind, DateOnly From, DateOnly? To, string Reason);

public sealed record CaseStatusResponse(
    string Reference,
    string ChildName,
    CaseStage Stage,
    string StageText,
    DateOnly RequestReceived,
    IReadOnlyList<MilestoneResponse> Milestones,
    bool? Within20Weeks,
    string NextStep,
    DateOnly? DraftResponseDeadline,
    IReadOnlyList<CaseExceptionResponse> Exceptions,
    CaseworkerResponse? Caseworker,
    string? PlanReference);

public sealed record CaseSummaryResponse(string Reference, string ChildName, CaseStage Stage, MilestoneResponse? Next);

public sealed record PlanSummaryResponse(string Reference, string ChildName, DateOnly? NextReviewDue, DateOnly? PhaseTransferDeadline);

public sealed record CaseListResponse(IReadOnlyList<CaseSummaryResponse> Cases, IReadOnlyList<PlanSummaryResponse> Plans);

/// <summary>
/// GET /api/cases and /api/cases/{reference}: a signed-in user's cases as JSON, through the same
/// reader and policy as the pages. Unknown and not-yours get the same 404 problem.
/// </summary>
internal sealed class CaseStatusApi : IApiEndpointGroup
{
    public const string NotFoundDetail = "There is no case with this reference that you can see.";

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases", ListAsync);
        api.MapGet("/cases/{reference}", GetAsync);
    }

    private static async Task<IResult> GetAsync(string reference, HttpContext http, IPortalUser user, CaseReader reader, UkClock clock, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var record = await reader.FindForViewerAsync(reference, viewer, CaseChannels.Api, cancellationToken);
        if (record is null)
        {
            return NotFound(http);
        }

        var assessmentCase = record.Case;
        var timeline = assessmentCase.Timeline(clock.Today());
        var ends = assessmentCase.Events.OfType<ExceptionEnded>().ToDictionary(e => e.ExceptionId, e => e.OccurredOn);
        return TypedResults.Ok(new CaseStatusResponse(
            assessmentCase.Reference,
            record.Child.DisplayName,
            assessmentCase.Stage,
            CaseText.StageTag(assessmentCase.Stage).Text,
            assessmentCase.RequestReceivedOn,
            MilestoneResponse.From(timeline.Milestones),
            timeline.Within20Weeks,
            timeline.NextStep,
            assessmentCase is { Stage: CaseStage.DraftPlanIssued, DraftPlanServedOn: { } served } ? DraftPlanResponses.DeadlineFor(served) : null,
            [.. assessmentCase.Events.OfType<ExceptionApplied>().Select(e =>
                new CaseExceptionResponse(e.Kind, e.OccurredOn, ends.TryGetValue(e.Id, out var end) ? end : e.ExpectedEnd, e.Reason))],
            record.Caseworker is { } worker ? new CaseworkerResponse(worker.Name, worker.Email, worker.Phone) : null,
            record.Plan?.Reference));
    }

    private static async Task<IResult> ListAsync(HttpContext http, IPortalUser user, CaseReader reader, UkClock clock, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in to see your cases.",
            });
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var list = await reader.ListForViewerAsync(viewer, clock.Today(), CaseChannels.Api, cancellationToken);
        return TypedResults.Ok(new CaseListResponse(
            [.. list.Cases.Select(c => new CaseSummaryResponse(
                c.Reference, c.ChildName, c.Stage,
                CaseText.NextMilestone(c.Timeline.Milestones) is { } next ? MilestoneResponse.From([next])[0] : null))],
            [.. list.Plans.Select(p => new PlanSummaryResponse(
                p.Reference, p.ChildName, p.NextReviewDueOn,
                p.Timeline.Find(Domain.Timeline.MilestoneKeys.PhaseTransferDeadline)?.Due))]));
    }

    private static ProblemHttpResult NotFound(HttpContext http)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not Found",
            Detail = NotFoundDetail,
        };
        ApiErrors.AddTraceId(http, problem);
        return TypedResults.Problem(problem);
    }
}
