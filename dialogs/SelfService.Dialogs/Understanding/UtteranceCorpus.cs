using System.Text.RegularExpressions;

namespace SelfService.Dialogs.Understanding;

/// <summary>One labelled utterance. Children's names are in [brackets] in the file; <see cref="Text"/> has them removed.</summary>
public sealed record LabelledUtterance(Intent Intent, bool IsHeldOut, string Text, IReadOnlyList<string> ChildNames);

/// <summary>
/// The labelled utterances shipped with the bot (<c>dialogs/corpus/utterances.tsv</c>, embedded).
/// The recogniser learns from the training rows only; the held-out rows exist to measure it.
/// </summary>
public static partial class UtteranceCorpus
{
    private const string ResourceName = "SelfService.Dialogs.corpus.utterances.tsv";

    private static readonly Lazy<IReadOnlyList<LabelledUtterance>> Shipped = new(() =>
    {
        using var stream = typeof(UtteranceCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The utterance corpus {ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlyList<LabelledUtterance> All => Shipped.Value;

    public static IEnumerable<LabelledUtterance> Training => All.Where(u => !u.IsHeldOut);

    public static IEnumerable<LabelledUtterance> HeldOut => All.Where(u => u.IsHeldOut);

    /// <summary>Reads <c>intent TAB split TAB utterance</c> lines; <c>#</c> starts a comment.</summary>
    public static IReadOnlyList<LabelledUtterance> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var rows = new List<LabelledUtterance>();
        var lineNumber = 0;
        foreach (var line in tsv.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var parts = trimmed.Split('\t');
            if (parts.Length != 3 || !Enum.TryParse<Intent>(parts[0], out var intent) || parts[1] is not ("train" or "test"))
            {
                throw new FormatException($"Corpus line {lineNumber} is not 'intent<TAB>train|test<TAB>utterance': {trimmed}");
            }

            var names = NamePattern().Matches(parts[2]).Select(m => m.Groups[1].Value).ToList();
            rows.Add(new LabelledUtterance(intent, parts[1] == "test", NamePattern().Replace(parts[2], "$1"), names));
        }

        return rows;
    }

    [GeneratedRegex(@"\[([^\]]+)\]", RegexOptions.CultureInvariant, 500)]
    private static partial Regex NamePattern();
}
