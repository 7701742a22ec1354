namespace SelfService.Dialogs.Understanding;

/// <summary>A child the user may ask about: only their own, so no other child can ever be matched.</summary>
public sealed record KnownChild(Guid Id, string FirstName, string? KnownAs, string LastName);

/// <summary>What the recogniser needs besides the words: the user's own children and today's date.</summary>
public sealed record RecognitionContext(IReadOnlyList<KnownChild> Children, DateOnly Today)
{
    public static RecognitionContext Empty(DateOnly today) => new([], today);
}

/// <summary>One of the user's children, found in the message.</summary>
/// <param name="MatchedText">The word(s) the user typed.</param>
/// <param name="Score">1 for an exact name, less for a nickname or a typo.</param>
public sealed record ChildMention(Guid ChildId, string MatchedText, double Score);

/// <summary>A date in the message, resolved against today (UK day-month order).</summary>
public sealed record DateMention(DateOnly Date, string MatchedText);

/// <summary>What a message means.</summary>
/// <param name="Confidence">The model's probability for <paramref name="Intent"/>, 0 to 1.</param>
/// <param name="RunnerUp">The next most likely intent, for clarifying questions and the evaluation.</param>
/// <param name="Children">The user's own children named (several when it is ambiguous; none when no child of theirs was named).</param>
/// <param name="ChildNameAsked">
/// A name the user typed that looks like a child's, whether or not it matched one of theirs. When it
/// matched none, the caller must answer exactly as for a child that does not exist.
/// </param>
/// <param name="CaseReference">A case (<c>EHC-2026-000042</c>) or plan (<c>EHCP-000777</c>) reference, normalised.</param>
public sealed record Recognition(
    Intent Intent,
    double Confidence,
    Intent? RunnerUp,
    IReadOnlyList<ChildMention> Children,
    string? ChildNameAsked,
    DateMention? Date,
    string? CaseReference);

/// <summary>Reads a message offline: no cloud language service is involved.</summary>
public interface IIntentRecogniser
{
    Recognition Recognise(string utterance, RecognitionContext context);
}
