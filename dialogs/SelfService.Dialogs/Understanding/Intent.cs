namespace SelfService.Dialogs.Understanding;

/// <summary>What a message is asking for. The labelled corpus in <c>dialogs/corpus</c> uses these names.</summary>
public enum Intent
{
    None,
    CaseStatus,
    NextStep,
    Deadlines,
    Caseworker,
    AboutAssessment,
    AboutPlan,
    WhoCanAsk,
    Process,
    CouncilSaysNo,
    StartRequest,
    RespondToDraft,
    Complaint,
    TalkToPerson,
    Help,
    Cancel,
    Greeting,
    Thanks,
    MemberEnquiry,
    MemberOpenQueries,
    LinkAccount,
    Unlink,
}
