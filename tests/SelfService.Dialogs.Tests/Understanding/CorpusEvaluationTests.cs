using SelfService.Dialogs.Understanding;
using Xunit.Abstractions;

namespace SelfService.Dialogs.Tests.Understanding;

/// <summary>
/// The recogniser measured on the held-out utterances it never learnt from. The floors are set a
/// little under the figures measured when the corpus was last changed (docs/chatbot.md), so a change
/// that makes understanding worse fails here. Set SELFSERVICE_CHATBOT_REPORT to a file to rewrite
/// the figures in docs/chatbot.md (scripts/evaluate-chatbot.sh does).
/// </summary>
public sealed class CorpusEvaluationTests(ITestOutputHelper output)
{
    private static readonly EvaluationResult Result = CorpusEvaluation.Run(UtteranceCorpus.All);

    [Fact]
    public void The_corpus_is_large_enough_and_every_intent_is_in_both_splits()
    {
        Assert.True(UtteranceCorpus.All.Count >= 300, $"Only {UtteranceCorpus.All.Count} labelled utterances.");
        foreach (var intent in Enum.GetValues<Intent>())
        {
            Assert.Contains(UtteranceCorpus.Training, u => u.Intent == intent);
            Assert.Contains(UtteranceCorpus.HeldOut, u => u.Intent == intent);
        }
    }

    [Fact]
    public void No_held_out_utterance_is_also_a_training_utterance()
    {
        var training = UtteranceCorpus.Training.Select(u => u.Text.ToUpperInvariant()).ToHashSet();

        Assert.DoesNotContain(UtteranceCorpus.HeldOut, u => training.Contains(u.Text.ToUpperInvariant()));
    }

    [Fact]
    public void Held_out_accuracy_stays_above_its_floor()
    {
        output.WriteLine(ChatbotReport.Figures(Result));
        Assert.True(Result.Accuracy >= 0.85, $"Held-out accuracy {Result.Accuracy:P1}.");
        Assert.True(Result.MacroF1 >= 0.85, $"Held-out macro F1 {Result.MacroF1:P1}.");
    }

    [Fact]
    public void Children_named_in_held_out_utterances_are_found()
    {
        Assert.True(Result.ChildMentions > 0);
        Assert.Equal(Result.ChildMentions, Result.ChildMentionsRight);
    }

    [Fact]
    public void Writes_the_figures_into_the_chatbot_document_when_asked()
    {
        var path = Environment.GetEnvironmentVariable("SELFSERVICE_CHATBOT_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            // Only the evaluation script rewrites the document; an ordinary test run leaves it alone.
            Assert.Contains("Accuracy", ChatbotReport.Figures(Result), StringComparison.Ordinal);
            return;
        }

        ChatbotReport.Rewrite(path, Result);
        Assert.Contains(ChatbotReport.Figures(Result), File.ReadAllText(path), StringComparison.Ordinal);
    }
}

/// <summary>How the recogniser is developed and tuned: cross-validation on the training split only.</summary>
public sealed class CrossValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_fold_cross_validation_on_the_training_split()
    {
        var (accuracy, misread) = CrossValidation.TenFold(UtteranceCorpus.Training.ToList());
        output.WriteLine($"Ten-fold accuracy on training: {accuracy:P1}");
        foreach (var (utterance, readAs) in misread)
        {
            output.WriteLine($"{utterance.Intent} -> {readAs}: {utterance.Text}");
        }

        Assert.True(accuracy >= 0.85, $"Ten-fold accuracy {accuracy:P1}.");
    }
}
