using SelfService.Data.Requests;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Cases;

/// <summary>A case as one viewer may see it, with the people and schools the page names.</summary>
/// <param name="Access">What the policy allows this viewer; always <see cref="CaseAccess.CanView"/> here.</param>
/// <param name="Plan">The plan that came of the case, if one has been issued.</param>
/// <param name="Documents">The files sent with the request, oldest first.</param>
/// <param name="CouncilDocuments">The advice and draft plan this viewer may see, oldest first.</param>
public sealed record CaseRecord(
    AssessmentCase Case,
    Child Child,
    CaseAccess Access,
    StaffMember? Caseworker,
    IReadOnlyDictionary<Guid, School> Schools,
    EhcPlan? Plan,
    IReadOnlyList<RequestDocument> Documents,
    IReadOnlyList<Casework.CaseDocument> CouncilDocuments)
{
    public School? School(Guid? id) => id is { } schoolId && Schools.TryGetValue(schoolId, out var school) ? school : null;
}

/// <summary>A plan in place as one viewer may see it.</summary>
public sealed record PlanRecord(
    EhcPlan Plan,
    Child Child,
    CaseAccess Access,
    StaffMember? Caseworker,
    School? NamedSchool,
    string? CaseReference);

/// <summary>One line of "your requests": enough to show the stage and the next date without the history.</summary>
public sealed record CaseListItem(
    string Reference,
    Guid ChildId,
    string ChildName,
    CaseStage Stage,
    DateOnly RequestReceivedOn,
    Requester Requester,
    CaseAccessBasis Basis,
    Domain.Timeline.AssessmentTimeline Timeline);

/// <summary>One line of "plans in place".</summary>
public sealed record PlanListItem(
    string Reference,
    Guid ChildId,
    string ChildName,
    DateOnly IssuedOn,
    DateOnly? NextReviewDueOn,
    Domain.Timeline.AnnualReviewTimeline Timeline,
    CaseAccessBasis Basis);

/// <summary>Everything a viewer may follow: open and closed requests, and plans in place.</summary>
public sealed record CaseList(IReadOnlyList<CaseListItem> Cases, IReadOnlyList<PlanListItem> Plans)
{
    public static readonly CaseList Empty = new([], []);
}

/// <summary>One line of the staff list of plans.</summary>
public sealed record StaffPlanRow(EhcPlan Plan, string ChildName, string? CaseworkerName);

/// <summary>A page of the staff list of plans.</summary>
public sealed record StaffPlanPage(IReadOnlyList<StaffPlanRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
