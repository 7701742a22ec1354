using SelfService.Dialogs.Conversations;

namespace SelfService.Dialogs.Understanding;

/// <summary>The conversation's view of the recogniser: what was asked, and about which of the user's own children.</summary>
public sealed class RecognisedAskReader(IIntentRecogniser recogniser, ChatClock clock) : IAskReader
{
    public Task<Ask> ReadAsync(string text, IReadOnlyList<ChatSubject> subjects, bool isSignedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var today = clock.Today();
        var recognition = recogniser.Recognise(text, new RecognitionContext(subjects.Select(ToKnownChild).ToList(), today));
        var topic = TopicOf(recognition.Intent);

        Guid? childId = null;
        var other = false;
        if (recognition.CaseReference is null)
        {
            childId = recognition.Children.Count == 1 ? recognition.Children[0].ChildId : null;
            other = recognition.Children.Count == 0 && recognition.ChildNameAsked is not null;
        }

        // A bare name or reference is a question about that child's case.
        if (topic == Topic.Unknown && (childId is not null || recognition.CaseReference is not null || other))
        {
            topic = Topic.Status;
        }

        return Task.FromResult(new Ask(topic, childId, recognition.CaseReference, other));
    }

    private static KnownChild ToKnownChild(ChatSubject subject)
    {
        // Names lists the first name, the name they are known by, and the full name.
        var first = subject.Names[0];
        var knownAs = subject.Names.Skip(1).FirstOrDefault(n => !n.Contains(' ', StringComparison.Ordinal) && !string.Equals(n, first, StringComparison.OrdinalIgnoreCase));
        var surname = subject.Names.Concat([subject.DisplayName]).FirstOrDefault(n => n.Contains(' ', StringComparison.Ordinal))?.Split(' ')[^1] ?? string.Empty;
        return new KnownChild(subject.ChildId, first, knownAs, surname);
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
