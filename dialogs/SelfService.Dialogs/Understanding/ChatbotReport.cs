using System.Globalization;
using System.Text;

namespace SelfService.Dialogs.Understanding;

/// <summary>Writes the evaluation figures into docs/chatbot.md, between two marker lines.</summary>
public static class ChatbotReport
{
    public const string Start = "<!-- evaluation:start -->";
    public const string End = "<!-- evaluation:end -->";

    public static string Figures(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"Trained on {result.TrainingRows} utterances, measured on {result.HeldOutRows} held-out ones.");
        text.AppendLine();
        text.AppendLine(culture, $"- Accuracy: **{result.Accuracy:P1}**");
        text.AppendLine(culture, $"- Macro F1: **{result.MacroF1:P1}**");
        text.AppendLine(culture, $"- Children named in held-out utterances found correctly: {result.ChildMentionsRight} of {result.ChildMentions}");
        text.AppendLine();
        text.AppendLine("| Intent | Held-out utterances | Precision | Recall | F1 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var score in result.Intents)
        {
            text.AppendLine(culture, $"| {score.Intent} | {score.Support} | {score.Precision:P0} | {score.Recall:P0} | {score.F1:P0} |");
        }

        text.AppendLine();
        if (result.Confusions.Count == 0)
        {
            text.AppendLine("No held-out utterance was misread.");
        }
        else
        {
            text.AppendLine("Misread held-out utterances (expected → read as):");
            text.AppendLine();
            foreach (var confusion in result.Confusions)
            {
                var examples = string.Join("; ", confusion.Examples.Select(e => $"\"{e}\""));
                text.AppendLine(culture, $"- {confusion.Expected} → {confusion.Actual} ({confusion.Count}): {examples}");
            }
        }

        return text.ToString();
    }

    /// <summary>Replaces what lies between the markers in <paramref name="path"/> with the current figures.</summary>
    public static void Rewrite(string path, EvaluationResult result)
    {
        var document = File.ReadAllText(path);
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} has no {Start} … {End} section for the figures.");
        }

        var updated = document[..(start + Start.Length)] + "\n" + Figures(result) + document[end..];
        File.WriteAllText(path, updated);
    }
}
