using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Dialogs;

/// <summary>
/// Asks for a number; ends with it as <typeparamref name="T"/> (int, long, decimal, double...).
/// Takes the first number in the answer ("about 3 times" gives 3), written with digits in British
/// style ("1,250.5") or as a word from zero to twenty. A number that does not fit the type (a
/// fraction for an int, too large) is not recognised.
/// </summary>
public partial class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<T>();
        if (Recognize(turnContext.Activity.Text) is { } value)
        {
            result.Succeeded = true;
            result.Value = value;
        }

        return Task.FromResult(result);
    }

    internal static T? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = DigitsPattern().Match(text);
        if (match.Success)
        {
            var digits = match.Value.Replace(",", string.Empty, StringComparison.Ordinal);
            return decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? Fit(number)
                : null;
        }

        foreach (var word in ChoiceRecognizer.Normalise(text).Split(' '))
        {
            var index = Array.IndexOf(Words, word);
            if (index >= 0)
            {
                return T.CreateChecked(index);
            }
        }

        return null;
    }

    private static T? Fit(decimal number)
    {
        try
        {
            var value = T.CreateChecked(number);
            return decimal.CreateChecked(value) == number ? value : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();
}
