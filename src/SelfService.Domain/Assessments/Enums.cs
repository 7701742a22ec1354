namespace SelfService.Domain.Assessments;

/// <summary>Who asked for the EHC needs assessment (CFA s36(1)).</summary>
public enum Requester
{
    Parent,
    YoungPerson,
    SchoolWithParentalConsent,
}

/// <summary>
/// How the request reached the council. Requests by post, email or phone are as valid as online
/// ones (CFA s36 sets no form); the caseworker records them and the family follows them the same way.
/// </summary>
public enum RequestRoute
{
    Portal,
    Post,
    Email,
    Phone,
}

/// <summary>Where the case sits in the statutory process.</summary>
public enum CaseStage
{
    AwaitingDecisionToAssess,
    Assessing,
    DraftingPlan,
    DraftPlanIssued,
    FinalPlanIssued,
    AssessmentRefused,
    PlanNotIssued,
    Withdrawn,
}

/// <summary>Whose advice is sought for the assessment (SEND Regs 6(1)).</summary>
public enum AdviserKind
{
    EducationalPsychologist,
    Health,
    SocialCare,
    SchoolOrSetting,
    ParentOrYoungPerson,
    Other,
}

/// <summary>The circumstances that lift the time limits (SEND Regs 5(4), 8(2), 10(4), 13(3)).</summary>
public enum ExceptionKind
{
    /// <summary>Advice asked of a school or post-16 institution around a closure of 4 weeks or more.</summary>
    SchoolClosure,

    /// <summary>The same for an early years provider.</summary>
    EarlyYearsClosure,

    ExceptionalPersonalCircumstances,

    /// <summary>The child and parent, or young person, away from the area for 4 weeks or more.</summary>
    AbsentFromArea,

    /// <summary>An appointment for an examination or test missed; lifts only the advice deadline.</summary>
    MissedAppointment,
}

public static class CaseStageExtensions
{
    public static bool IsClosed(this CaseStage stage) =>
        stage is CaseStage.FinalPlanIssued or CaseStage.AssessmentRefused or CaseStage.PlanNotIssued or CaseStage.Withdrawn;
}
