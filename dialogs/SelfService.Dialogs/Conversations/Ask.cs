namespace SelfService.Dialogs.Conversations;

/// <summary>What the conversation can do; the understanding's intents map onto these.</summary>
public enum Topic
{
    Unknown,
    Greeting,
    Thanks,
    Help,
    Cancel,
    Status,
    NextStep,
    Deadlines,
    Caseworker,
    AboutAssessment,
    AboutPlan,
    WhoCanAsk,
    TwentyWeeks,
    CouncilSaysNo,
    StartRequest,
    RespondToDraft,
    Complaint,
    TalkToPerson,
    MemberQuery,
    MemberQueries,
    LinkAccount,
    Unlink,
}

/// <summary>
/// One understood message: the topic and whom it is about. <paramref name="OtherSubject"/> means
/// the user named a child or reference that is not one of theirs (or does not exist: the bot cannot
/// and must not tell the two apart).
/// </summary>
public sealed record Ask(Topic Topic, Guid? ChildId = null, string? CaseReference = null, bool OtherSubject = false)
{
    public bool IsAboutACase => Topic is Topic.Status or Topic.NextStep or Topic.Deadlines or Topic.Caseworker
        or Topic.RespondToDraft or Topic.TalkToPerson or Topic.CouncilSaysNo;
}
