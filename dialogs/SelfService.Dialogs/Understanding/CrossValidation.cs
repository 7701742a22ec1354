namespace SelfService.Dialogs.Understanding;

/// <summary>
/// Ten-fold cross-validated accuracy on the training split: how the recogniser is developed and tuned,
/// so that the held-out split stays unseen until it is measured.
/// </summary>
public static class CrossValidation
{
    public static (double Accuracy, IReadOnlyList<(LabelledUtterance Utterance, Intent ReadAs)> Misread) TenFold(IReadOnlyList<LabelledUtterance> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var context = new RecognitionContext(SendLanguageUnderstanding.TrainingChildren, new DateOnly(2026, 11, 22));
        var misread = new List<(LabelledUtterance, Intent)>();
        const int folds = 10;
        for (var fold = 0; fold < folds; fold++)
        {
            var recogniser = new SendLanguageUnderstanding(training.Where((_, j) => j % folds != fold));
            for (var i = fold; i < training.Count; i += folds)
            {
                var intent = recogniser.Recognise(training[i].Text, context).Intent;
                if (intent != training[i].Intent)
                {
                    misread.Add((training[i], intent));
                }
            }
        }

        return (training.Count == 0 ? 0 : 1 - ((double)misread.Count / training.Count), misread);
    }
}
