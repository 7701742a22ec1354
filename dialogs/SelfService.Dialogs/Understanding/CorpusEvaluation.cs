namespace SelfService.Dialogs.Understanding;

/// <summary>How well one intent is recognised on the held-out split.</summary>
public sealed record IntentScore(Intent Intent, int Support, double Precision, double Recall, double F1);

/// <summary>A mistake the recogniser still makes: <paramref name="Count"/> times it read <paramref name="Expected"/> as <paramref name="Actual"/>.</summary>
public sealed record Confusion(Intent Expected, Intent Actual, int Count, IReadOnlyList<string> Examples);

/// <summary>The figures reported in docs/chatbot.md.</summary>
public sealed record EvaluationResult(
    int TrainingRows,
    int HeldOutRows,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<IntentScore> Intents,
    IReadOnlyList<Confusion> Confusions,
    int ChildMentions,
    int ChildMentionsRight);

/// <summary>
/// Trains on the training rows and measures on the held-out rows. The children named in the corpus
/// are Sam (Samuel) and Maisie Carter, in every spelling a parent might type; any other name must be
/// reported as a name that matched none of the user's children.
/// </summary>
public static class CorpusEvaluation
{
    public static EvaluationResult Run(IReadOnlyList<LabelledUtterance> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var training = corpus.Where(u => !u.IsHeldOut).ToList();
        var heldOut = corpus.Where(u => u.IsHeldOut).ToList();
        var recogniser = new SendLanguageUnderstanding(training);
        var context = new RecognitionContext(SendLanguageUnderstanding.TrainingChildren, new DateOnly(2026, 11, 22));

        var results = heldOut.Select(u => (Utterance: u, Recognition: recogniser.Recognise(u.Text, context))).ToList();
        var intents = Enum.GetValues<Intent>().Where(i => heldOut.Any(u => u.Intent == i)).ToList();
        var scores = intents.Select(intent =>
        {
            var truePositives = results.Count(r => r.Utterance.Intent == intent && r.Recognition.Intent == intent);
            var predicted = results.Count(r => r.Recognition.Intent == intent);
            var actual = results.Count(r => r.Utterance.Intent == intent);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new IntentScore(intent, actual, precision, recall, f1);
        }).ToList();

        var confusions = results
            .Where(r => r.Utterance.Intent != r.Recognition.Intent)
            .GroupBy(r => (r.Utterance.Intent, r.Recognition.Intent))
            .Select(g => new Confusion(g.Key.Item1, g.Key.Item2, g.Count(), g.Select(r => r.Utterance.Text).ToList()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected).ThenBy(c => c.Actual)
            .ToList();

        var named = results.Where(r => r.Utterance.ChildNames.Count > 0).ToList();
        var namedRight = named.Count(r => ChildRight(r.Utterance, r.Recognition));

        return new EvaluationResult(
            training.Count,
            heldOut.Count,
            results.Count == 0 ? 0 : (double)results.Count(r => r.Utterance.Intent == r.Recognition.Intent) / results.Count,
            scores.Count == 0 ? 0 : scores.Average(s => s.F1),
            scores,
            confusions,
            named.Count,
            namedRight);
    }

    private static bool ChildRight(LabelledUtterance utterance, Recognition recognition)
    {
        var expected = utterance.ChildNames[0].ToLowerInvariant() switch
        {
            "sam" or "sammy" or "samuel" => SendLanguageUnderstanding.TrainingChildren[0].Id,
            "maisie" or "maisy" => SendLanguageUnderstanding.TrainingChildren[1].Id,
            _ => (Guid?)null,
        };
        return expected is { } id
            ? recognition.Children.Count == 1 && recognition.Children[0].ChildId == id
            : recognition.Children.Count == 0 && recognition.ChildNameAsked is not null;
    }
}
