using System.Globalization;
using System.Text;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Dialogs;

/// <summary>One option of a choice prompt: its value (also its label) and other words that mean it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms;
    }

    public string Value { get; set; } = string.Empty;

    public IList<string>? Synonyms { get; set; }
}

/// <summary>The choice a user's answer picked.</summary>
public sealed record FoundChoice(string Value, int Index, string Synonym);

/// <summary>
/// Finds which choice an answer means, in order: its number ("2", "2.", "number 2"), its value or a
/// synonym said exactly (ignoring case and punctuation), then a value or synonym whose words all
/// appear in the answer, or all of whose answer words appear in it ("blue" for "Dark blue").
/// An answer that fits more than one choice at the same stage picks none.
/// </summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? text, IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var answer = Normalise(text);
        if (answer.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        var number = answer.StartsWith("number ", StringComparison.Ordinal) ? answer["number ".Length..] : answer;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
        {
            return new FoundChoice(choices[n - 1].Value, n - 1, number);
        }

        var candidates = choices.SelectMany((c, i) => new[] { c.Value }.Concat(c.Synonyms ?? []).Select(s => (Choice: c, Index: i, Synonym: s, Words: Normalise(s)))).ToList();
        return Single(candidates.Where(c => c.Words == answer))
            ?? Single(candidates.Where(c => c.Words.Length > 0 && ContainsWords(answer, c.Words)))
            ?? Single(candidates.Where(c => c.Words.Length > 0 && ContainsWords(c.Words, answer)));

        static FoundChoice? Single(IEnumerable<(Choice Choice, int Index, string Synonym, string Words)> matches)
        {
            var distinct = matches.DistinctBy(m => m.Index).ToList();
            return distinct.Count == 1 ? new FoundChoice(distinct[0].Choice.Value, distinct[0].Index, distinct[0].Synonym) : null;
        }
    }

    /// <summary>Lower case, punctuation dropped, single spaces.</summary>
    internal static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool ContainsWords(string haystack, string needle) =>
        $" {haystack} ".Contains($" {needle} ", StringComparison.Ordinal);
}

/// <summary>Lays choices out on a prompt activity.</summary>
public static class ChoiceFactory
{
    public static Activity Apply(Activity activity, IList<Choice> choices, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(choices);
        switch (style)
        {
            case ListStyle.None:
                break;
            case ListStyle.InlineList:
                activity.Text = $"{activity.Text} {Inline(choices)}".Trim();
                break;
            case ListStyle.List:
                activity.Text = $"{activity.Text}\n\n{string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Value}"))}".Trim();
                break;
            default:
                activity.SuggestedActions = new SuggestedActions(null, choices.Select(c => new CardAction(ActionTypes.ImBack, c.Value, c.Value)));
                break;
        }

        return activity;
    }

    /// <summary>"(1) Red, (2) Green or (3) Blue": British usage, no serial comma.</summary>
    public static string Inline(IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var items = choices.Select((c, i) => $"({i + 1}) {c.Value}").ToList();
        return items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
    }
}

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>; ends with the <see cref="FoundChoice"/>.</summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>Used when the options do not name a style.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override Activity Prepare(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ChoiceFactory.Apply(activity, options.Choices ?? [], options.Style ?? Style);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(new PromptRecognizerResult<FoundChoice> { Succeeded = found is not null, Value = found });
    }
}

/// <summary>
/// Asks a yes/no question; ends with a bool. Understands British English answers (yes, y, yeah,
/// yep, yup, sure, ok, okay, please, correct, right, that's right, aye / no, n, nope, nah, no
/// thanks, not really, wrong, incorrect) and the choice numbers 1 (yes) and 2 (no).
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "yes please", "please", "correct",
        "right", "that s right", "thats right", "aye", "definitely", "absolutely", "of course", "true", "1",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "no thanks", "no thank you", "not really", "wrong", "incorrect", "not at all", "false", "2",
    };

    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The labels shown for the two answers.</summary>
    public (string Yes, string No) ChoiceLabels { get; set; } = ("Yes", "No");

    protected override Activity Prepare(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ChoiceFactory.Apply(activity, [new Choice(ChoiceLabels.Yes), new Choice(ChoiceLabels.No)], options.Style ?? Style);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var answer = ChoiceRecognizer.Normalise(turnContext.Activity.Text);
        var result = new PromptRecognizerResult<bool>();
        if (Yes.Contains(answer) || answer == ChoiceRecognizer.Normalise(ChoiceLabels.Yes))
        {
            result.Succeeded = true;
            result.Value = true;
        }
        else if (No.Contains(answer) || answer == ChoiceRecognizer.Normalise(ChoiceLabels.No))
        {
            result.Succeeded = true;
            result.Value = false;
        }

        return Task.FromResult(result);
    }
}
