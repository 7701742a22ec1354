using SelfService.Domain.Assessments;

namespace SelfService.Domain.Access;

/// <summary>Why a viewer may see a case; recorded in the audit trail with every view.</summary>
public enum CaseAccessBasis
{
    None,

    /// <summary>A parent or carer with parental responsibility for the child.</summary>
    ParentCarer,

    /// <summary>The young person the case is about, acting for themselves.</summary>
    YoungPerson,

    /// <summary>A SENCO or shared mailbox of the school that made the request, or that the child attends or is named in the plan.</summary>
    School,

    /// <summary>A council officer in the SEND service.</summary>
    Staff,

    /// <summary>
    /// A councillor or MP (or their office caseworker) whose enquiry staff matched to this case,
    /// with the constituent's consent recorded: a limited summary only (ADR 0015).
    /// </summary>
    MemberWithConsent,

    /// <summary>
    /// Someone holding an emailed advice invitation: may upload advice for that one request while
    /// it is outstanding, seeing only who the child is (ADR 0024).
    /// </summary>
    InvitedAdviser,
}

/// <summary>What the policy allows one viewer to do with one case.</summary>
/// <param name="Basis">The strongest reason the viewer may see the case, or <see cref="CaseAccessBasis.None"/>.</param>
/// <param name="CanRespondToDraft">May comment on a draft plan and ask for a setting to be named (the family's right, SEND Regs 13).</param>
public sealed record CaseAccess(CaseAccessBasis Basis, bool CanRespondToDraft)
{
    public static readonly CaseAccess Denied = new(CaseAccessBasis.None, false);

    /// <summary>The whole case: documents, drafts, schools, history. Not for a member, who sees only the summary.</summary>
    public bool CanView => Basis is not (CaseAccessBasis.None or CaseAccessBasis.MemberWithConsent or CaseAccessBasis.InvitedAdviser);

    /// <summary>
    /// The limited summary a member may have with consent: the stage, the next legal date and
    /// whether it is late; no documents, no draft plan, no named school.
    /// </summary>
    public bool CanSeeSummary => Basis is not (CaseAccessBasis.None or CaseAccessBasis.InvitedAdviser);

    public bool CanUploadAdvice => Basis == CaseAccessBasis.InvitedAdviser;

    /// <summary>
    /// Staff see every document the council adds. The family sees the draft plan, and the advice
    /// once the draft is served, as the advice is sent with it; schools and members see neither.
    /// </summary>
    public bool CanSeeCouncilDocument(CaseDocumentKind kind, bool draftPlanServed) => Basis switch
    {
        CaseAccessBasis.Staff => true,
        CaseAccessBasis.ParentCarer or CaseAccessBasis.YoungPerson => kind == CaseDocumentKind.DraftPlan || draftPlanServed,
        _ => false,
    };
}
