using SelfService.Domain.Assessments;

namespace SelfService.Domain.Access;

/// <summary>
/// The one rule for who may see a case or plan, used by the portal, the API and the bot alike.
/// A viewer who is not entitled must be told the case does not exist (a 404), never that it is
/// forbidden, so a reference cannot be used to learn that a child is known to the service.
/// </summary>
/// <remarks>
/// Roles add up: a SENCO who is also a parent sees their school's cases and their own children's.
/// Councillors and MPs see no case by their role: only a limited summary, and only of a case staff
/// matched to one of their enquiries with the constituent's consent recorded (ADRs 0005, 0015).
/// A delegate sees what the member they act for sees.
/// </remarks>
public static class CaseAccessPolicy
{
    public static CaseAccess Decide(Viewer viewer, CaseAccessFacts facts)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(facts);
        if (!viewer.IsSignedIn)
        {
            return CaseAccess.Denied;
        }

        // The family's own access comes first: it carries the right to respond to a draft.
        if (IsTheYoungPerson(viewer, facts))
        {
            return new CaseAccess(CaseAccessBasis.YoungPerson, CanRespondToDraft: true);
        }

        if (IsResponsibleParent(viewer, facts))
        {
            return new CaseAccess(CaseAccessBasis.ParentCarer, CanRespondToDraft: true);
        }

        if (viewer.IsStaff)
        {
            // Staff record a family's response in the staff console, on the family's behalf.
            return new CaseAccess(CaseAccessBasis.Staff, CanRespondToDraft: false);
        }

        if (IsConnectedSchool(viewer, facts))
        {
            return new CaseAccess(CaseAccessBasis.School, CanRespondToDraft: false);
        }

        if (viewer.ActingForMemberId is { } member && facts.MembersWithConsent is { } consented && consented.Contains(member))
        {
            return new CaseAccess(CaseAccessBasis.MemberWithConsent, CanRespondToDraft: false);
        }

        return CaseAccess.Denied;
    }

    /// <summary>
    /// An advice invitation opens its one request while the advice is outstanding, the case open
    /// and the link in date; afterwards it opens nothing, not even a confirmation that the case exists.
    /// </summary>
    public static CaseAccess DecideForInvitation(AdviceInvitationFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.CaseClosed || facts.AdviceReceived || today > facts.ExpiresOn
            ? CaseAccess.Denied
            : new CaseAccess(CaseAccessBasis.InvitedAdviser, CanRespondToDraft: false);
    }

    public static bool CanView(Viewer viewer, CaseAccessFacts facts) => Decide(viewer, facts).CanView;

    private static bool IsTheYoungPerson(Viewer viewer, CaseAccessFacts facts) =>
        viewer.YoungPersonChildId is { } own && own == facts.ChildId;

    /// <summary>
    /// Parental responsibility, as the case's own links record it or as the viewer's account holds
    /// it (an address can belong to more than one parent/carer record). A young person who asked for
    /// their own assessment holds the rights in it (CFA s36(1)), so a parent's link does not open
    /// that case; it still opens everything else about their child.
    /// </summary>
    private static bool IsResponsibleParent(Viewer viewer, CaseAccessFacts facts) =>
        facts.Requester != Requester.YoungPerson
        && ((viewer.ParentCarerId is { } parent && facts.ParentCarersWithResponsibility.Contains(parent))
            || viewer.ChildrenInCare.Contains(facts.ChildId));

    /// <summary>
    /// Access belongs to the school, not the person: any active contact of the school that asked,
    /// that the child attends now, or that the plan names. A contact who leaves loses it; their
    /// successor (or the school's shared mailbox) has it at once.
    /// </summary>
    private static bool IsConnectedSchool(Viewer viewer, CaseAccessFacts facts) =>
        IsOneOf(facts.RequestingSchoolId, viewer.SchoolIds)
        || IsOneOf(facts.ChildSchoolId, viewer.SchoolIds)
        || IsOneOf(facts.NamedSchoolId, viewer.SchoolIds);

    private static bool IsOneOf(Guid? schoolId, IReadOnlySet<Guid> schools) =>
        schoolId is { } id && schools.Contains(id);
}
