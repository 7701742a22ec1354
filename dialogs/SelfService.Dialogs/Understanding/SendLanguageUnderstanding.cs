namespace SelfService.Dialogs.Understanding;

/// <summary>
/// The bot's offline language understanding: references, dates and the user's own children are
/// found first; words are expanded ("whats" → "what is"), corrected to the nearest known word
/// ("assesment" → "assessment") and mapped to the service's concepts; then the intent is scored by a
/// model trained on the corpus's training split.
/// </summary>
public sealed class SendLanguageUnderstanding : IIntentRecogniser
{
    /// <summary>Below this probability the bot says it did not understand rather than guess.</summary>
    public const double MinimumConfidence = 0.4;

    /// <summary>Concepts count for more than single words: they carry the meaning of many phrasings.</summary>
    private const int ConceptWeight = 3;

    /// <summary>The children the training sentences name, so that names become a "child" feature, not words.</summary>
    internal static readonly IReadOnlyList<KnownChild> TrainingChildren =
    [
        new(new Guid("00000000-0000-4000-8000-00000000c001"), "Samuel", "Sam", "Carter"),
        new(new Guid("00000000-0000-4000-8000-00000000c002"), "Maisie", null, "Carter"),
    ];

    private const string ChildFeature = "<child>";

    private readonly IntentModel _model;
    private readonly HashSet<string> _knownWords;
    private readonly Dictionary<string, string> _corrections = new(StringComparer.Ordinal);
    private readonly Lock _correctionsLock = new();

    public SendLanguageUnderstanding()
        : this(UtteranceCorpus.Training)
    {
    }

    public SendLanguageUnderstanding(IEnumerable<LabelledUtterance> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = training.ToList();
        var context = new RecognitionContext(TrainingChildren, new DateOnly(2026, 1, 1));
        _knownWords = rows
            .SelectMany(u => Words.Split(u.Text)
                .Where(w => !u.ChildNames.Contains(w.Text, StringComparer.OrdinalIgnoreCase))
                .SelectMany(w => Words.Expand(w.Lower)))
            .Concat(Concepts.Vocabulary)
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        _model = new IntentModel(rows.Select(u => (u.Intent, (IReadOnlyList<string>)Read(u.Text, context, learning: true).Features)));
    }

    public Recognition Recognise(string utterance, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reading = Read(utterance, context, learning: false);
        var scores = _model.Score(reading.Features);
        var (intent, confidence, runnerUp) = scores.Count switch
        {
            0 => (Intent.None, 0.0, (Intent?)null),
            1 => (scores[0].Intent, scores[0].Probability, null),
            _ => (scores[0].Intent, scores[0].Probability, scores[1].Intent),
        };

        // Nothing the service knows about was mentioned: say so honestly rather than guess.
        if (confidence < MinimumConfidence || !reading.OnTopic)
        {
            (intent, runnerUp) = (Intent.None, scores.Count > 0 ? scores[0].Intent : null);
        }

        return new Recognition(intent, confidence, runnerUp, reading.Children, reading.NameAsked, reading.Date, reading.Reference);
    }

    private sealed record Reading(List<string> Features, IReadOnlyList<ChildMention> Children, string? NameAsked, DateMention? Date, string? Reference, bool OnTopic);

    private Reading Read(string? utterance, RecognitionContext context, bool learning)
    {
        var text = Words.Clip(utterance);
        var reference = References.Find(text);
        var date = Dates.Find(text, context.Today);
        var words = Words.Split(text);
        var children = ChildNames.Find(words, context.Children, out var matched);
        var nameAsked = learning ? null : ChildNames.UnmatchedName(words, matched, _knownWords.Contains);

        var expanded = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var isName = matched.Contains(i) || (nameAsked is not null && string.Equals(words[i].Lower, nameAsked, StringComparison.OrdinalIgnoreCase));
            if (isName)
            {
                expanded.Add(ChildFeature);
                continue;
            }

            expanded.AddRange(Words.Expand(words[i].Lower).Select(w => learning ? w : Correct(w)));
        }

        var features = new List<string>();
        string? previous = null;
        foreach (var feature in expanded.Select(w => w == ChildFeature ? w : Words.Feature(w)))
        {
            features.Add(feature);
            if (previous is not null)
            {
                features.Add(previous + "_" + feature);
            }

            previous = feature;
        }

        var concepts = Concepts.In(expanded).ToList();
        foreach (var concept in concepts)
        {
            features.AddRange(Enumerable.Repeat(concept, ConceptWeight));
        }

        if (reference is not null)
        {
            features.Add("<ref>");
        }

        var onTopic = Concepts.AnyOnTopic(concepts) || expanded.Contains(ChildFeature) || reference is not null;
        return new Reading(features, children, nameAsked, date, reference, onTopic);
    }

    /// <summary>The nearest word the recogniser knows, for a word it does not (typos such as "assesment").</summary>
    private string Correct(string word)
    {
        if (_knownWords.Contains(word) || word.All(char.IsAsciiDigit))
        {
            return word;
        }

        lock (_correctionsLock)
        {
            if (_corrections.TryGetValue(word, out var cached))
            {
                return cached;
            }
        }

        var allowed = Words.TyposAllowed(word.Length);
        var best = word;
        var bestDistance = allowed + 1;
        if (allowed > 0)
        {
            foreach (var known in _knownWords)
            {
                var distance = Words.Distance(word, known, allowed);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(known, best) < 0))
                {
                    (best, bestDistance) = (known, distance);
                }
            }
        }

        lock (_correctionsLock)
        {
            // Bounded: a stream of made-up words must not grow the cache without end.
            if (_corrections.Count < 10_000)
            {
                _corrections[word] = best;
            }
        }

        return best;
    }
}
