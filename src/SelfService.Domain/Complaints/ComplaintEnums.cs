namespace SelfService.Domain.Complaints;

/// <summary>On whose behalf, or in what capacity, the complaint is made.</summary>
public enum ComplainantRole
{
    ParentCarer,
    YoungPerson,

    /// <summary>A councillor or MP complaining for a constituent, who must have consented.</summary>
    MemberForConstituent,
    School,
    Other,
}

/// <summary>Where a complaint is in the council's two-stage procedure, then the Ombudsman.</summary>
public enum ComplaintStatus
{
    Stage1Received,
    Stage1Acknowledged,
    Stage1Responded,
    Stage2Requested,
    Stage2Acknowledged,
    Stage2Responded,
    ReferredToOmbudsman,
    Closed,
}

/// <summary>The council's finding at stage 1 or stage 2.</summary>
public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
}

/// <summary>What the Local Government and Social Care Ombudsman decided.</summary>
public enum OmbudsmanOutcome
{
    Upheld,
    NotUpheld,

    /// <summary>Closed without a finding (not investigated, premature, withdrawn).</summary>
    Closed,
}
