using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Access;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Cases;

/// <summary>
/// The one way to read a case or plan for someone: loads it, asks <see cref="CaseAccessPolicy"/>,
/// and answers null both when there is no such case and when the viewer may not see it, so the
/// caller cannot tell the two apart (and must answer 404 for both). Every view is audited.
/// </summary>
public sealed class CaseReader(CaseStoreDbContext db, TimeProvider time)
{
    public const string CaseViewedAction = "case.viewed";
    public const string PlanViewedAction = "plan.viewed";
    public const string ListedAction = "cases.listed";
    public const string PlansListedAction = "plans.listed";

    private const int MaxReferenceLength = 30;

    /// <param name="reference">The case reference as typed or linked (case and spaces around it do not matter).</param>
    /// <param name="channel">Where the view happened ("portal", "api", "bot"), for the audit trail.</param>
    public async Task<CaseRecord?> FindForViewerAsync(string reference, Viewer viewer, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var found = await FindAsync(reference, viewer, cancellationToken);
        if (found is not null)
        {
            await AuditAsync(AuditEntry.ForCase(found.Case.Id, Now(), viewer.Email, CaseViewedAction, Detail(channel, found.Access)), cancellationToken);
        }

        return found;
    }

    /// <summary>The same check without the view audit, for a change that audits itself through <see cref="CaseCommands"/>.</summary>
    internal async Task<CaseRecord?> FindAsync(string reference, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn || Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var assessmentCase = await db.AssessmentCases.AsNoTracking().WithEvents()
            .SingleOrDefaultAsync(c => c.Reference == normalised, cancellationToken);
        if (assessmentCase is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == assessmentCase.ChildId, cancellationToken);
        var parents = await db.ResponsibleParentsAsync([child.Id], cancellationToken);
        var access = CaseAccessPolicy.Decide(viewer, CaseAccessFactsQueries.ForCase(assessmentCase, child, parents[child.Id]));
        if (!access.CanView)
        {
            return null;
        }

        var caseworker = assessmentCase.CaseworkerId is { } caseworkerId
            ? await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == caseworkerId, cancellationToken)
            : null;
        var plan = await db.EhcPlans.AsNoTracking().WithReviews()
            .FirstOrDefaultAsync(p => p.AssessmentCaseId == assessmentCase.Id, cancellationToken);
        var schoolIds = new[]
            {
                assessmentCase.RequestingSchoolId,
                child.SchoolId,
                plan?.NamedSchoolId,
            }
            .Concat(assessmentCase.Events.OfType<RepresentationsReceived>().Select(e => e.RequestedSchoolId))
            .Concat(assessmentCase.Events.OfType<FinalPlanIssued>().Select(e => e.NamedSchoolId))
            .OfType<Guid>()
            .Distinct()
            .ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var documents = await db.Set<RequestDocument>().AsNoTracking()
            .Where(d => d.CaseId == assessmentCase.Id)
            .OrderBy(d => d.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        var draftServed = assessmentCase.Events.OfType<DraftPlanServed>().Any();
        var councilDocuments = (await db.Set<Casework.CaseDocument>().AsNoTracking()
                .Where(d => d.CaseId == assessmentCase.Id)
                .OrderBy(d => d.UploadedAtUtc)
                .ToListAsync(cancellationToken))
            .Where(d => access.CanSeeCouncilDocument(d.Kind, draftServed))
            .ToList();
        return new CaseRecord(assessmentCase, child, access, caseworker, schools, plan, documents, councilDocuments);
    }

    public async Task<PlanRecord?> FindPlanForViewerAsync(string planReference, Viewer viewer, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsSignedIn || Normalise(planReference) is not { } normalised)
        {
            return null;
        }

        var plan = await db.EhcPlans.AsNoTracking().WithReviews().SingleOrDefaultAsync(p => p.Reference == normalised, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == plan.ChildId, cancellationToken);
        var parents = await db.ResponsibleParentsAsync([child.Id], cancellationToken);
        var origin = plan.AssessmentCaseId is { } caseId
            ? await db.AssessmentCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Reference, c.Requester }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var access = CaseAccessPolicy.Decide(viewer, CaseAccessFactsQueries.ForPlan(plan, child, parents[child.Id], origin?.Requester));
        if (!access.CanView)
        {
            return null;
        }

        var caseworker = plan.CaseworkerId is { } caseworkerId
            ? await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == caseworkerId, cancellationToken)
            : null;
        var school = plan.NamedSchoolId is { } schoolId
            ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, cancellationToken)
            : null;
        await AuditAsync(
            new AuditEntry(Now(), viewer.Email, PlanViewedAction, nameof(EhcPlan), plan.Id.ToString())
            {
                CaseId = plan.AssessmentCaseId,
                Detail = Detail(channel, access),
            },
            cancellationToken);
        return new PlanRecord(plan, child, access, caseworker, school, origin?.Reference);
    }

    /// <summary>
    /// Every request and plan the viewer may follow, filtered in SQL by the viewer's links (their
    /// children, their own record, their schools), then each confirmed by the policy itself.
    /// Staff follow cases through the staff console, so their list here is empty.
    /// </summary>
    public async Task<CaseList> ListForViewerAsync(Viewer viewer, DateOnly today, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsSignedIn)
        {
            return CaseList.Empty;
        }

        var childIds = await FamilyChildIdsAsync(viewer, cancellationToken);
        var schoolIds = viewer.SchoolIds.ToList();
        var pupilIds = schoolIds.Count == 0
            ? []
            : await db.Children.Where(c => c.SchoolId != null && schoolIds.Contains(c.SchoolId.Value)).Select(c => c.Id).ToListAsync(cancellationToken);
        var linkedChildren = childIds.Concat(pupilIds).Distinct().ToList();

        var cases = await db.AssessmentCases.AsNoTracking().WithEvents()
            .Where(c => linkedChildren.Contains(c.ChildId) || (c.RequestingSchoolId != null && schoolIds.Contains(c.RequestingSchoolId.Value)))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var plans = await db.EhcPlans.AsNoTracking().WithReviews()
            .Where(p => p.CeasedOn == null && (linkedChildren.Contains(p.ChildId) || (p.NamedSchoolId != null && schoolIds.Contains(p.NamedSchoolId.Value))))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var allChildIds = cases.Select(c => c.ChildId).Concat(plans.Select(p => p.ChildId)).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => allChildIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var parents = await db.ResponsibleParentsAsync(allChildIds, cancellationToken);
        var requesters = cases.ToDictionary(c => c.Id, c => c.Requester);
        var planCaseIds = plans.Select(p => p.AssessmentCaseId).OfType<Guid>().Where(id => !requesters.ContainsKey(id)).ToList();
        foreach (var origin in await db.AssessmentCases.Where(c => planCaseIds.Contains(c.Id)).Select(c => new { c.Id, c.Requester }).ToListAsync(cancellationToken))
        {
            requesters[origin.Id] = origin.Requester;
        }

        var caseItems = new List<CaseListItem>();
        foreach (var assessmentCase in cases)
        {
            var child = children[assessmentCase.ChildId];
            var access = CaseAccessPolicy.Decide(viewer, CaseAccessFactsQueries.ForCase(assessmentCase, child, parents[child.Id]));
            if (access.CanView)
            {
                caseItems.Add(new CaseListItem(
                    assessmentCase.Reference, child.Id, child.DisplayName, assessmentCase.Stage, assessmentCase.RequestReceivedOn,
                    assessmentCase.Requester, access.Basis, assessmentCase.Timeline(today)));
            }
        }

        var planItems = new List<PlanListItem>();
        foreach (var plan in plans)
        {
            var child = children[plan.ChildId];
            Requester? requester = plan.AssessmentCaseId is { } caseId && requesters.TryGetValue(caseId, out var r) ? r : null;
            var access = CaseAccessPolicy.Decide(viewer, CaseAccessFactsQueries.ForPlan(plan, child, parents[child.Id], requester));
            if (access.CanView)
            {
                planItems.Add(new PlanListItem(
                    plan.Reference, child.Id, child.DisplayName, plan.IssuedOn, plan.NextReviewDueOn(),
                    Domain.Timeline.AnnualReviewClock.Calculate(plan.ToTimelineInput(), today), access.Basis));
            }
        }

        var list = new CaseList(
            [.. caseItems.OrderBy(c => c.Stage.IsClosed()).ThenBy(c => c.ChildName, StringComparer.Ordinal).ThenByDescending(c => c.RequestReceivedOn)],
            [.. planItems.OrderBy(p => p.NextReviewDueOn).ThenBy(p => p.ChildName, StringComparer.Ordinal)]);
        await AuditAsync(
            new AuditEntry(Now(), viewer.Email, ListedAction, "Account", viewer.AccountId.ToString())
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"{channel}; {list.Cases.Count} requests, {list.Plans.Count} plans"),
            },
            cancellationToken);
        return list;
    }

    /// <summary>
    /// One page of the plans the staff console lists, those in force by the next review due (or
    /// ceased ones, latest first), each confirmed by the policy. Anyone but staff gets nothing:
    /// families and schools follow plans through <see cref="ListForViewerAsync"/>.
    /// </summary>
    /// <param name="caseworkerId">Only the plans this caseworker holds; null for everyone's.</param>
    public async Task<StaffPlanPage> ListPlansForStaffAsync(Viewer viewer, bool ceased, Guid? caseworkerId, int page, int pageSize, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsSignedIn || !viewer.IsStaff)
        {
            return new StaffPlanPage([], 0, 1, pageSize);
        }

        var plans = db.EhcPlans.AsNoTracking().Where(p => ceased ? p.CeasedOn != null : p.CeasedOn == null);
        if (caseworkerId is { } staffId)
        {
            plans = plans.Where(p => p.CaseworkerId == staffId);
        }
        var total = await plans.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

        // The review awaiting its meeting is the one whose due date the list is about; a plan whose
        // meeting is held and decision pending sorts first, as its next date is nearer still.
        var ordered = ceased
            ? plans.OrderByDescending(p => p.CeasedOn).ThenBy(p => p.Reference)
            : plans.OrderBy(p => db.AnnualReviews.Where(r => r.PlanId == p.Id && r.MeetingHeldOn == null).Min(r => (DateOnly?)r.DueBy) ?? DateOnly.MinValue)
                .ThenBy(p => p.Reference);
        var ids = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(cancellationToken);
        var loaded = await db.EhcPlans.AsNoTracking().WithReviews().Where(p => ids.Contains(p.Id)).AsSplitQuery().ToDictionaryAsync(p => p.Id, cancellationToken);
        var childIds = loaded.Values.Select(p => p.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var parents = await db.ResponsibleParentsAsync(childIds, cancellationToken);
        var staffIds = loaded.Values.Select(p => p.CaseworkerId).OfType<Guid>().Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var rows = new List<StaffPlanRow>();
        foreach (var plan in ids.Select(id => loaded[id]))
        {
            var child = children[plan.ChildId];
            if (CaseAccessPolicy.CanView(viewer, CaseAccessFactsQueries.ForPlan(plan, child, parents[child.Id], null)))
            {
                rows.Add(new StaffPlanRow(plan, child.DisplayName, plan.CaseworkerId is { } id && staff.TryGetValue(id, out var name) ? name : null));
            }
        }

        await AuditAsync(
            new AuditEntry(Now(), viewer.Email, PlansListedAction, "Account", viewer.AccountId.ToString())
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"{channel}; {(ceased ? "ceased" : "in force")}, page {page}, {rows.Count} plans"),
            },
            cancellationToken);
        return new StaffPlanPage(rows, total, page, pageSize);
    }

    /// <summary>The children the viewer follows as family: as a parent with responsibility, or as the young person.</summary>
    private async Task<List<Guid>> FamilyChildIdsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(viewer.ChildrenInCare);
        if (viewer.ParentCarerId is { } parentId)
        {
            ids.AddRange(await db.Set<ChildParent>()
                .Where(l => l.ParentCarerId == parentId && l.HasParentalResponsibility)
                .Select(l => l.ChildId)
                .ToListAsync(cancellationToken));
        }

        if (viewer.YoungPersonChildId is { } own)
        {
            ids.Add(own);
        }

        return ids;
    }

    /// <summary>Audits a download of a document from a case the viewer was shown by <see cref="FindForViewerAsync"/>.</summary>
    public Task RecordDownloadAsync(CaseRecord record, Viewer viewer, Guid documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(viewer);
        return AuditAsync(AuditEntry.ForCase(record.Case.Id, Now(), viewer.Email, "case.documentDownloaded", $"document {documentId:D}; basis {record.Access.Basis}"), cancellationToken);
    }

    private async Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Detail(string channel, CaseAccess access) => $"{channel}; as {access.Basis}";

    internal static string? Normalise(string? reference)
    {
        var trimmed = reference?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReferenceLength ? null : trimmed.ToUpperInvariant();
    }
}
