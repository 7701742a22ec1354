namespace SelfService.Dialogs.Understanding;

/// <summary>
/// What the service's words mean, written down once: each concept lists the words and phrases
/// families use for it. A message gains a feature per concept it mentions, so the model can learn
/// "caseworker" once and still understand "case officer" or "the person dealing with it".
/// </summary>
internal static class Concepts
{
    private static readonly (string Name, string[] Phrases)[] All =
    [
        ("status", ["news", "update", "updates", "progress", "status", "happening", "latest", "stage", "decided", "decision", "going on", "up to", "where is", "where are", "how is", "any word", "heard anything", "made its mind up"]),
        ("when", ["when will", "how long", "how much longer", "how many weeks", "late", "overdue", "behind", "on track", "on time", "due", "expect", "hear back", "find out", "let me know", "by now", "next step", "what next", "whats next", "what happens next", "what now", "what do we do now", "comes after"]),
        ("deadline", ["deadline", "deadlines", "dates", "date", "by when", "annual review", "review", "phase transfer", "key dates", "reviewed", "15 february", "31 march", "secondary transfer"]),
        ("caseworker", ["caseworker", "case worker", "case officer", "send officer", "officer", "key worker", "dealing with", "handling", "in charge", "send team", "person dealing"]),
        ("contact", ["contact", "email", "email address", "phone", "phone number", "number", "ring", "reach", "details", "get in touch", "name of"]),
        ("assessment", ["assessment", "assess", "assessed", "ehcna", "needs assessment", "educational psychologist", "psychologist", "reports", "advice", "professionals", "statutory assessment"]),
        ("plan", ["plan", "ehcp", "ehc plan", "statement", "section", "sections", "named school", "personal budget", "legally binding", "sen support"]),
        ("explain", ["what is", "what does", "what are", "explain", "mean", "meaning", "difference", "tell me about", "what goes", "what happens during", "involve", "involved", "what is the point"]),
        ("whocan", ["who can", "can a parent", "can parents", "can the school", "can a young person", "can grandparents", "can foster", "can a doctor", "allowed to", "only schools", "have to come from", "without the school", "directly", "do i need the senco", "can i ask myself"]),
        ("process", ["20 week", "20 weeks", "twenty weeks", "time limit", "time limits", "timescale", "timeline", "stages", "steps", "what order", "6 weeks", "16 week", "process", "legal", "statutory timeline", "how long should", "how long does"]),
        ("appeal", ["appeal", "tribunal", "mediation", "sendist", "refuse", "refused", "refusal", "turned down", "turned us down", "said no", "says no", "say no", "disagree with the decision", "challenge", "first tier", "not to issue", "wont issue", "will not issue", "mediation certificate"]),
        ("apply", ["apply", "application", "request", "requesting", "form", "start", "begin", "new request", "ask for an assessment", "ask for an ehcp", "online"]),
        ("resume", ["resume", "continue", "carry on", "finish", "i started", "my draft request", "my application"]),
        ("draft", ["draft", "draft plan", "comment", "comments", "representations", "feedback", "respond to", "reply to", "named school", "particular school", "change the draft", "draft is wrong"]),
        ("complain", ["complain", "complaint", "ombudsman", "lgsco", "unhappy", "not happy", "disgraceful", "disgrace", "escalate", "stage 2", "let my child down", "lodge", "formal"]),
        ("human", ["person", "human", "someone", "somebody", "agent", "advisor", "adviser", "staff", "call me", "ring me", "ring me back", "not want a bot", "real person", "speak to", "talk to", "send a message"]),
        ("cancel", ["cancel", "stop", "quit", "restart", "reset", "start again", "start over", "never mind", "nevermind", "forget it", "scrap that", "go back to the start", "scrap"]),
        ("greet", ["hello", "hi", "hiya", "hey", "morning", "afternoon", "evening", "good morning", "good afternoon", "good evening", "helo", "anyone there"]),
        ("thanks", ["thanks", "thank", "thank you", "cheers", "ta", "brilliant", "lovely", "great", "helpful", "many thanks"]),
        ("help", ["help", "options", "menu", "what can you do", "what can i ask", "stuck", "how does this work", "what are you for", "how do i use", "what sort of questions", "dont know what to ask"]),
        ("link", ["link", "code", "sign in", "log in", "login", "connect", "verify", "who i am", "link my account", "link this chat"]),
        ("unlink", ["unlink", "forget me", "disconnect", "remove my link", "delete my link", "log me out", "forget who i am", "stop linking"]),
        ("member", ["constituent", "constituents", "ward", "resident", "residents", "casework", "councillor", "mp", "member", "members", "on behalf"]),
        ("query", ["query", "queries", "enquiry", "enquiries"]),
        ("case", ["case", "son", "sons", "daughter", "daughters", "child", "childs", "children", "kid", "check on", "our request", "my request"]),
        ("mine", ["my queries", "my enquiries", "my casework", "my open", "i logged", "outstanding", "answered my", "replies to my", "response to the enquiry"]),
    ];

    /// <summary>Every word the concepts use, so the spelling corrector knows them.</summary>
    public static IEnumerable<string> Vocabulary => All.SelectMany(c => c.Phrases).SelectMany(p => p.Split(' '));

    /// <summary>
    /// Whether a message touches the service at all. "What is" alone does not: "what is the capital
    /// of France" must not be read as a question about plans just because it is a question.
    /// </summary>
    public static bool AnyOnTopic(IEnumerable<string> concepts) => concepts.Any(c => c != "c:explain");

    /// <summary>The concepts mentioned in <paramref name="words"/> (already normalised, lower case, in order).</summary>
    public static IEnumerable<string> In(IReadOnlyList<string> words)
    {
        var text = " " + string.Join(' ', words) + " ";
        foreach (var (name, phrases) in All)
        {
            if (phrases.Any(p => text.Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                yield return "c:" + name;
            }
        }
    }
}
