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
}

/// <summary>What the policy allows one viewer to do with one case.</summary>
/// <param name="Basis">The strongest reason the viewer may see the case, or <see cref="CaseAccessBasis.None"/>.</param>
/// <param name="CanRespondToDraft">May comment on a draft plan and ask for a setting to be named (the family's right, SEND Regs 13).</param>
public sealed record CaseAccess(CaseAccessBasis Basis, bool CanRespondToDraft)
{
    public static readonly CaseAccess Denied = new(CaseAccessBasis.None, false);

    public bool CanView => Basis != CaseAccessBasis.None;
}
