namespace SelfService.Dialogs.Understanding;

/// <summary>
/// Finds the user's own children in a message by name, nickname or a name with a typo, and notices
/// a name that matches none of them. It is only ever given the user's own children, so it cannot
/// match anyone else's; an unmatched name is reported as such and never looked up elsewhere.
/// </summary>
internal static class ChildNames
{
    /// <summary>Common English short forms, both ways round (Sam is Samuel, Samuel may be Sam).</summary>
    private static readonly string[][] NicknameGroups =
    [
        ["samuel", "sam", "sammy", "sammie", "samantha"],
        ["thomas", "tom", "tommy"],
        ["william", "will", "billy", "liam", "bill"],
        ["alexander", "alexandra", "alex", "lexi", "sasha", "xander"],
        ["jessica", "jess", "jessie"],
        ["oliver", "olly", "ollie"],
        ["olivia", "liv", "livvy"],
        ["charlotte", "charlie", "lottie"],
        ["charles", "charlie", "chaz"],
        ["elizabeth", "liz", "lizzie", "beth", "ellie", "eliza"],
        ["eleanor", "ellie", "nell", "nellie"],
        ["joshua", "josh"],
        ["benjamin", "ben", "benji"],
        ["daniel", "dan", "danny"],
        ["james", "jamie", "jim", "jimmy"],
        ["matthew", "matt", "matty"],
        ["christopher", "chris"],
        ["jonathan", "jon", "jonny"],
        ["katherine", "catherine", "kate", "katie", "kat", "cathy"],
        ["margaret", "maggie", "meg"],
        ["rebecca", "becky", "becca"],
        ["victoria", "vicky", "tori"],
        ["isabella", "isabelle", "izzy", "bella"],
        ["amelia", "millie", "mia"],
        ["harriet", "hattie"],
        ["frederick", "freddie", "fred", "freddy"],
        ["edward", "ed", "eddie", "ted", "teddy"],
        ["henry", "harry", "hal"],
        ["nicholas", "nick", "nicky"],
        ["jacob", "jake"],
        ["zachary", "zach", "zak"],
        ["joseph", "joe", "joey"],
        ["anthony", "tony", "ant"],
        ["michael", "mike", "mikey"],
        ["robert", "rob", "bobby", "robbie"],
        ["abigail", "abi", "abby"],
        ["gabriel", "gabe"],
        ["leonardo", "leo"],
        ["maisie", "maisy", "maise", "mais"],
    ];

    public static IReadOnlyList<ChildMention> Find(IReadOnlyList<Word> words, IReadOnlyList<KnownChild> children, out IReadOnlySet<int> matchedWords)
    {
        var found = new Dictionary<Guid, ChildMention>();
        var used = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var child in children)
            {
                var score = Score(words[i].Lower, child);
                if (score <= 0)
                {
                    continue;
                }

                used.Add(i);
                if (!found.TryGetValue(child.Id, out var existing) || existing.Score < score)
                {
                    found[child.Id] = new ChildMention(child.Id, words[i].Text, score);
                }
            }
        }

        matchedWords = used;

        // A surname shared by every child names none of them in particular; an exact first name beats a near miss.
        var best = found.Values.Count == 0 ? 0 : found.Values.Max(m => m.Score);
        return found.Values.Where(m => m.Score >= best).OrderBy(m => m.MatchedText, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A word that reads as someone's name but matched none of the user's children: capitalised or
    /// possessive, and not an ordinary word of the conversation.
    /// </summary>
    public static string? UnmatchedName(IReadOnlyList<Word> words, IReadOnlySet<int> matchedWords, Func<string, bool> isKnownWord)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (matchedWords.Contains(i) || word.Lower.Length < 2 || !word.Lower.All(char.IsLetter))
            {
                continue;
            }

            // A capital at the start of a message proves nothing; after "about", "for" or "with" even a lower-case word is probably a name.
            var looksLikeName = word.Possessive
                || (word.Capitalised && (i > 0 || words.Count == 1))
                || (i > 0 && NameIntroducers.Contains(words[i - 1].Lower));
            if (looksLikeName && !isKnownWord(word.Lower) && !CommonWords.Contains(word.Lower))
            {
                return Words.Title(word.Lower);
            }
        }

        return null;
    }

    private static double Score(string word, KnownChild child)
    {
        var first = child.FirstName.ToLowerInvariant();
        var knownAs = child.KnownAs?.ToLowerInvariant();
        if (word == first || word == knownAs)
        {
            return 1.0;
        }

        if (string.Equals(word, child.LastName, StringComparison.OrdinalIgnoreCase))
        {
            return 0.5;
        }

        if (SameGroup(word, first) || (knownAs is not null && SameGroup(word, knownAs)))
        {
            return 0.9;
        }

        var trimmed = word.EndsWith('s') && word.Length > 3 ? word[..^1] : word; // "sams ehcp"
        foreach (var name in new[] { first, knownAs })
        {
            if (name is null || name.Length < 3)
            {
                continue;
            }

            if (trimmed == name)
            {
                return 0.95;
            }

            var allowed = Words.TyposAllowed(name.Length);
            if (allowed > 0 && (Words.Distance(word, name, allowed) <= allowed || Words.Distance(trimmed, name, allowed) <= allowed))
            {
                return 0.8;
            }
        }

        return 0;
    }

    private static bool SameGroup(string a, string b) =>
        NicknameGroups.Any(g => g.Contains(a, StringComparer.Ordinal) && g.Contains(b, StringComparer.Ordinal));

    private static readonly HashSet<string> NameIntroducers = new(StringComparer.Ordinal) { "about", "for", "with", "called", "named" };

    /// <summary>Capitalised words people type that are not names (start of sentence, places, bodies).</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "i", "hi", "hello", "hey", "ok", "okay", "yes", "no", "please", "thanks", "council", "leeds", "england", "english",
        "ehcp", "ehc", "send", "sen", "senco", "sendist", "lgsco", "ombudsman", "tribunal", "mp", "cllr", "councillor",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "year", "reception",
        "teams", "christmas", "easter", "mr", "mrs", "ms", "miss", "dr", "nhs", "camhs", "ep", "salt", "ot", "gp",
        "school", "academy", "primary", "secondary", "college", "section", "stage", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k",
        "my", "our", "his", "her", "their", "the", "what", "when", "where", "who", "why", "how", "is", "can", "could",
        "would", "will", "has", "have", "did", "does", "do", "any", "update", "news", "today", "tomorrow", "yesterday",
        "bot", "chat", "portal", "help", "sorry", "dear", "sir", "madam", "team", "mum", "dad", "son", "daughter",
    };
}
