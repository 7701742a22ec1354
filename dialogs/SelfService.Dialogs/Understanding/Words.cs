using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfService.Dialogs.Understanding;

/// <summary>A word as typed, with what the name finder needs to know about it.</summary>
/// <param name="Text">The word as typed, without a possessive ending.</param>
/// <param name="Lower">Lower case, curly apostrophes straightened.</param>
/// <param name="Capitalised">Typed with a capital first letter (names usually are).</param>
/// <param name="Possessive">Typed with <c>'s</c> (Sam's), which marks a name even in lower case.</param>
internal sealed record Word(string Text, string Lower, bool Capitalised, bool Possessive);

/// <summary>
/// Splits and normalises text so that "Where's Sam's EHCP??", "wheres sams ehcp" and
/// "where is Sam's E.H.C.P" read alike: lower case, contractions and text-speak expanded, crude stems.
/// </summary>
internal static partial class Words
{
    /// <summary>Long messages are read only this far: nobody asks a question in more words, and it bounds the work.</summary>
    public const int MaxCharacters = 2000;

    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["what's"] = ["what", "is"], ["whats"] = ["what", "is"], ["wat"] = ["what"], ["wot"] = ["what"],
        ["where's"] = ["where", "is"], ["wheres"] = ["where", "is"], ["when's"] = ["when", "is"], ["whens"] = ["when", "is"],
        ["who's"] = ["who", "is"], ["whos"] = ["who", "is"], ["how's"] = ["how", "is"], ["hows"] = ["how", "is"],
        ["it's"] = ["it", "is"], ["that's"] = ["that", "is"], ["thats"] = ["that", "is"], ["there's"] = ["there", "is"],
        ["i'm"] = ["i", "am"], ["im"] = ["i", "am"], ["i've"] = ["i", "have"], ["ive"] = ["i", "have"], ["i'd"] = ["i", "would"],
        ["i'll"] = ["i", "will"], ["we're"] = ["we", "are"], ["we've"] = ["we", "have"], ["they're"] = ["they", "are"],
        ["don't"] = ["do", "not"], ["dont"] = ["do", "not"], ["doesn't"] = ["does", "not"], ["doesnt"] = ["does", "not"],
        ["didn't"] = ["did", "not"], ["didnt"] = ["did", "not"], ["won't"] = ["will", "not"], ["wont"] = ["will", "not"],
        ["can't"] = ["can", "not"], ["cant"] = ["can", "not"], ["cannot"] = ["can", "not"], ["isn't"] = ["is", "not"],
        ["isnt"] = ["is", "not"], ["hasn't"] = ["has", "not"], ["hasnt"] = ["has", "not"], ["haven't"] = ["have", "not"],
        ["havent"] = ["have", "not"], ["wasn't"] = ["was", "not"], ["wasnt"] = ["was", "not"], ["shouldn't"] = ["should", "not"],
        ["pls"] = ["please"], ["plz"] = ["please"], ["u"] = ["you"], ["ur"] = ["your"], ["r"] = ["are"], ["thx"] = ["thanks"],
        ["ty"] = ["thank", "you"], ["thankyou"] = ["thank", "you"], ["til"] = ["until"], ["till"] = ["until"], ["hw"] = ["how"],
        ["abt"] = ["about"], ["bc"] = ["because"], ["cos"] = ["because"], ["coz"] = ["because"], ["ppl"] = ["people"],
        ["ehcna"] = ["ehc", "needs", "assessment"], ["ehc"] = ["ehc"], ["e.h.c.p"] = ["ehcp"], ["mum's"] = ["mum"],
        ["organization"] = ["organisation"], ["center"] = ["centre"], ["program"] = ["programme"], ["mom"] = ["mum"],
    };

    /// <summary>The words of <paramref name="text"/> as typed, possessives marked.</summary>
    public static IReadOnlyList<Word> Split(string? text)
    {
        var source = Clip(text);
        var words = new List<Word>();
        foreach (Match match in WordPattern().Matches(source))
        {
            var raw = match.Value.Replace('’', '\'').Trim('\'', '.');
            if (raw.Length == 0)
            {
                continue;
            }

            var possessive = raw.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && raw.Length > 2;
            var bare = possessive ? raw[..^2] : raw;
            words.Add(new Word(bare, bare.ToLowerInvariant(), char.IsUpper(bare[0]), possessive));
        }

        return words;
    }

    /// <summary>A word with contractions and text-speak expanded: "whats" is "what is", "pls" is "please".</summary>
    public static IEnumerable<string> Expand(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        if (Expansions.TryGetValue(lowerWord, out var expanded))
        {
            return expanded;
        }

        var word = lowerWord.Replace("'", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return word.Length == 0 ? [] : [word];
    }

    /// <summary>The model's form of an expanded word: numbers alike, crude stem.</summary>
    public static string Feature(string expandedWord) =>
        expandedWord.All(char.IsAsciiDigit) ? "<num>" : Stem(expandedWord);

    /// <summary>A crude suffix stripper: enough that "deciding", "decided" and "decides" meet.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 4 || word.StartsWith('<'))
        {
            return word;
        }

        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static readonly string[] Suffixes = ["ings", "ing", "ied", "ies", "ed", "es", "s", "ly"];

    /// <summary>At most <see cref="MaxCharacters"/>, with unusual characters (emoji, markup) dropped safely.</summary>
    public static string Clip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Never cut an emoji (a surrogate pair) in half; and a lone surrogate or a noncharacter
        // (U+FFFE, U+FFFF), which JSON can carry as an escape, is no text at all: Normalize throws on them.
        var end = text.Length <= MaxCharacters ? text.Length : char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
        var clean = WithoutBrokenCharacters(text[..end]);
        try
        {
            return clean.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Anything else the normaliser refuses is read as typed, rather than failing the turn.
            return clean;
        }
    }

    private static string WithoutBrokenCharacters(string text)
    {
        if (!text.Any(c => char.IsSurrogate(c) || c >= '\uFFFE'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(text[i]).Append(text[++i]);
            }
            else
            {
                result.Append(char.IsSurrogate(text[i]) || text[i] >= '\uFFFE' ? '\uFFFD' : text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, stopping early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
                rowMin = Math.Min(rowMin, best);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>How many typos a word of this length may carry and still be recognised.</summary>
    public static int TyposAllowed(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public static string Title(string lower) =>
        lower.Length == 0 ? lower : char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];

    [GeneratedRegex(@"[\p{L}\p{Nd}][\p{L}\p{Nd}'’.]*", RegexOptions.CultureInvariant, 500)]
    private static partial Regex WordPattern();
}
