namespace SelfService.Dialogs.Understanding;

/// <summary>
/// A multinomial naive Bayes model over words and word pairs, trained on the corpus's training
/// split. Small, explainable and quick to train at start-up; every intent is given the same prior so
/// the corpus's proportions do not bias the answer.
/// </summary>
internal sealed class IntentModel
{
    private const double Smoothing = 0.3;

    private readonly Dictionary<Intent, Dictionary<string, double>> _logLikelihood = [];
    private readonly Dictionary<Intent, double> _unseen = [];
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);

    public IntentModel(IEnumerable<(Intent Intent, IReadOnlyList<string> Features)> examples)
    {
        var counts = new Dictionary<Intent, Dictionary<string, int>>();
        foreach (var (intent, features) in examples)
        {
            if (!counts.TryGetValue(intent, out var bag))
            {
                counts[intent] = bag = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            foreach (var feature in features)
            {
                bag[feature] = bag.GetValueOrDefault(feature) + 1;
                _vocabulary.Add(feature);
            }
        }

        foreach (var (intent, bag) in counts)
        {
            var total = bag.Values.Sum() + (Smoothing * _vocabulary.Count);
            _logLikelihood[intent] = bag.ToDictionary(kv => kv.Key, kv => Math.Log((kv.Value + Smoothing) / total), StringComparer.Ordinal);
            _unseen[intent] = Math.Log(Smoothing / total);
        }
    }

    public IEnumerable<Intent> Intents => _logLikelihood.Keys;

    public bool Knows(string feature) => _vocabulary.Contains(feature);

    public IReadOnlyCollection<string> Vocabulary => _vocabulary;

    /// <summary>Each intent's probability for these features, most likely first; empty when no feature is known.</summary>
    public IReadOnlyList<(Intent Intent, double Probability)> Score(IReadOnlyList<string> features)
    {
        var known = features.Where(_vocabulary.Contains).ToList();
        if (known.Count == 0)
        {
            return [];
        }

        var logs = _logLikelihood.ToDictionary(
            kv => kv.Key,
            kv => known.Sum(f => kv.Value.TryGetValue(f, out var p) ? p : _unseen[kv.Key]));
        var max = logs.Values.Max();
        var normaliser = logs.Values.Sum(l => Math.Exp(l - max));
        return logs
            .Select(kv => (kv.Key, Math.Exp(kv.Value - max) / normaliser))
            .OrderByDescending(p => p.Item2)
            .ToList();
    }
}
