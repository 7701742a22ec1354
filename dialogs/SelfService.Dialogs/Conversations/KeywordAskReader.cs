using System.Text.RegularExpressions;

namespace SelfService.Dialogs.Conversations;

/// <summary>A plain keyword reading of a message, used until the language understanding is registered.</summary>
public sealed partial class KeywordAskReader : IAskReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "ehc", "ehcp", "send", "senco", "hi", "hello", "hey", "what", "when", "who", "how", "is", "can", "my", "the", "please",
        "thanks", "thank", "tell", "show", "where", "why", "does", "do", "will", "has", "have", "ok", "okay", "yes", "no", "council",
        "tribunal", "a", "an", "and", "about", "plan", "request", "status", "help", "it", "are", "me", "i'm", "im", "what's", "whats",
        "good", "morning", "afternoon", "evening", "cancel", "start", "again", "forget", "talk", "speak", "person", "human", "could",
        "would", "should", "give", "any", "update", "on", "for", "of", "to", "in", "our", "their", "his", "her", "its", "that", "this",
        "there", "next", "step", "deadline", "deadlines", "caseworker", "complaint", "complain", "mediation", "appeal", "draft", "annual",
        "review", "assessment", "needs", "education", "health", "care", "councillor", "mp", "query", "queries", "enquiry", "enquiries",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "leeds", "english", "england", "teams",
    };

    public Task<Ask> ReadAsync(string text, IReadOnlyList<ChatSubject> subjects, bool isSignedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var lower = (text ?? string.Empty).ToLowerInvariant();
        var topic = TopicOf(lower);
        var reference = ReferencePattern().Match(text ?? string.Empty) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
        Guid? childId = null;
        var other = false;
        if (reference is null)
        {
            var words = WordPattern().Matches(text ?? string.Empty).Select(w => Possessive().Replace(w.Value, string.Empty)).ToList();
            var matched = subjects.Where(s => s.Names.Any(n => n.Split(' ').All(part => words.Contains(part, StringComparer.OrdinalIgnoreCase)))).ToList();
            if (matched.Count == 1)
            {
                childId = matched[0].ChildId;
            }
            else if (matched.Count == 0)
            {
                other = words.Any(w => w.Length > 1 && char.IsUpper(w[0]) && !NotNames.Contains(w.TrimEnd('s').TrimEnd('\'')) && !NotNames.Contains(w));
            }
        }

        if (topic == Topic.Unknown && (childId is not null || reference is not null || other))
        {
            topic = Topic.Status;
        }

        return Task.FromResult(new Ask(topic, childId, reference, other));
    }

    private static Topic TopicOf(string t) => t switch
    {
        _ when Has(t, "forget me", "unlink") => Topic.Unlink,
        _ when Has(t, "link my account", "link account", "link code") => Topic.LinkAccount,
        _ when Has(t, "start again", "start over", "cancel") => Topic.Cancel,
        _ when Has(t, "help") => Topic.Help,
        _ when Has(t, "thank", "thanks", "thank you", "cheers", "ta") => Topic.Thanks,
        _ when Has(t, "talk to a person", "speak to someone", "talk to someone", "human", "real person", "speak to a person") => Topic.TalkToPerson,
        _ when Has(t, "my queries", "open queries", "my enquiries", "casework queries") => Topic.MemberQueries,
        _ when Has(t, "casework query", "log a query", "constituent") => Topic.MemberQuery,
        _ when Has(t, "complain", "complaint") => Topic.Complaint,
        _ when Has(t, "says no", "said no", "refused", "appeal", "tribunal", "mediation", "turned down") => Topic.CouncilSaysNo,
        _ when Has(t, "respond to the draft", "draft plan", "respond to draft") => Topic.RespondToDraft,
        _ when Has(t, "who is my caseworker", "caseworker", "contact them", "who is dealing") => Topic.Caseworker,
        _ when Has(t, "deadline", "annual review", "phase transfer", "dates") => Topic.Deadlines,
        _ when Has(t, "when will i hear", "how much longer", "is it late", "next step", "what happens next", "how long") => Topic.NextStep,
        _ when Has(t, "20 weeks", "20-week", "twenty weeks", "how long does") => Topic.TwentyWeeks,
        _ when Has(t, "who can ask", "who can request") => Topic.WhoCanAsk,
        _ when Has(t, "what is an ehc needs assessment", "what is an assessment", "needs assessment") => Topic.AboutAssessment,
        _ when Has(t, "what is an ehc plan", "what is a plan", "ehc plan") => Topic.AboutPlan,
        _ when Has(t, "start a request", "new request", "apply", "ask for an assessment", "resume", "my draft") => Topic.StartRequest,
        _ when Has(t, "status", "how is", "how's", "doing", "where is", "update", "progress") => Topic.Status,
        _ when Has(t, "hello", "hi", "hey", "good morning", "good afternoon") => Topic.Greeting,
        _ => Topic.Unknown,
    };

    private static bool Has(string text, params string[] phrases) =>
        phrases.Any(p => $" {WordsOnly(text)} ".Contains($" {p} ", StringComparison.Ordinal) || (p.Contains(' ', StringComparison.Ordinal) && text.Contains(p, StringComparison.Ordinal)));

    private static string WordsOnly(string text) => string.Join(' ', WordPattern().Matches(text).Select(m => m.Value));

    [GeneratedRegex(@"\bEHCP?-(\d{4}-)?\d{3,6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"['’]s$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[\p{L}'’]+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex WordPattern();
}
