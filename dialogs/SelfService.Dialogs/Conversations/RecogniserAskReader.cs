using SelfService.Dialogs.Understanding;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// Reads a message with the language understanding, given only the user's own children: a name
/// that matches none of them is "someone else", answered exactly as a child that does not exist.
/// </summary>
public sealed class RecogniserAskReader(IIntentRecogniser recogniser, ChatClock clock) : IAskReader
{
    public Task<Ask> ReadAsync(string text, IReadOnlyList<ChatSubject> subjects, bool isSignedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var children = subjects.Select(s => new KnownChild(s.ChildId, s.FirstName, s.KnownAs, s.LastName)).ToList();
        var recognition = recogniser.Recognise(text, new RecognitionContext(children, clock.Today()));
        return Task.FromResult(AskFor(recognition));
    }

    public static Ask AskFor(Recognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var named = recognition.Children.Select(c => c.ChildId).Distinct().ToList();
        var otherSubject = named.Count == 0 && recognition.ChildNameAsked is not null;
        var topic = TopicOf(recognition.Intent);

        // "What about Sam?" or a bare reference: the status is what is being asked for.
        if (topic == Topic.Unknown && (named.Count > 0 || otherSubject || recognition.CaseReference is not null))
        {
            topic = Topic.Status;
        }

        return new Ask(topic, named.Count == 1 ? named[0] : null, recognition.CaseReference, otherSubject);
    }

    public static Topic TopicOf(Intent intent) => intent switch
    {
        Intent.CaseStatus => Topic.Status,
        Intent.NextStep => Topic.NextStep,
        Intent.Deadlines => Topic.Deadlines,
        Intent.Caseworker => Topic.Caseworker,
        Intent.AboutAssessment => Topic.AboutAssessment,
        Intent.AboutPlan => Topic.AboutPlan,
        Intent.WhoCanAsk => Topic.WhoCanAsk,
        Intent.Process => Topic.TwentyWeeks,
        Intent.CouncilSaysNo => Topic.CouncilSaysNo,
        Intent.StartRequest => Topic.StartRequest,
        Intent.RespondToDraft => Topic.RespondToDraft,
        Intent.Complaint => Topic.Complaint,
        Intent.TalkToPerson => Topic.TalkToPerson,
        Intent.Help => Topic.Help,
        Intent.Cancel => Topic.Cancel,
        Intent.Greeting => Topic.Greeting,
        Intent.Thanks => Topic.Thanks,
        Intent.MemberEnquiry => Topic.MemberQuery,
        Intent.MemberOpenQueries => Topic.MemberQueries,
        Intent.LinkAccount => Topic.LinkAccount,
        Intent.Unlink => Topic.Unlink,
        _ => Topic.Unknown,
    };
}
