namespace SelfService.Domain.Assessments;

/// <summary>The documents the council adds to a case after the request.</summary>
public enum CaseDocumentKind
{
    /// <summary>An adviser's report for the assessment (SEND Regs 6), uploaded by the adviser or the caseworker.</summary>
    Advice,

    /// <summary>The draft EHC plan served on the family (SEND Regs 13).</summary>
    DraftPlan,
}
