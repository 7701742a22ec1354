using System.Globalization;
using System.Text.RegularExpressions;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Dialogs;

/// <summary>
/// Asks for a date; ends with a <see cref="DateOnly"/>. Reads British English (en-GB):
/// "3/4/2026", "03-04-2026" and "3.4.26" are 3 April (day first); "3 April 2026", "3rd Apr 2026",
/// "April 3 2026", "2026-04-03"; a day and month without a year ("3 April", "3/4") are this year;
/// "today", "tomorrow", "yesterday"; "Monday" and "next Monday" are the first Monday after today;
/// "last Monday" the last one before. "Today" is in the user's zone when the activity says it
/// (localTimezone), otherwise <see cref="DefaultTimeZone"/>.
/// </summary>
public partial class DatePrompt : Prompt<DateOnly>
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] Formats =
    [
        "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d-M-yy", "d.M.yyyy", "d.M.yy", "yyyy-M-d",
        "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "dddd d MMMM yyyy", "ddd d MMM yyyy",
    ];

    private static readonly string[] FormatsWithoutYear = ["d/M", "d-M", "d MMMM", "d MMM", "MMMM d", "MMM d", "dddd d MMMM", "ddd d MMM"];

    private readonly TimeProvider _time;

    public DatePrompt(string dialogId, PromptValidator<DateOnly>? validator = null, TimeProvider? timeProvider = null)
        : base(dialogId, validator) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Where "today" is when the user's zone is not known.</summary>
    public static TimeZoneInfo DefaultTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    protected override Task<PromptRecognizerResult<DateOnly>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var zone = DefaultTimeZone;
        if (turnContext.Activity.LocalTimezone is { Length: > 0 } named && TimeZoneInfo.TryFindSystemTimeZoneById(named, out var userZone))
        {
            zone = userZone;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime);
        var result = new PromptRecognizerResult<DateOnly>();
        if (Recognize(turnContext.Activity.Text, today) is { } date)
        {
            result.Succeeded = true;
            result.Value = date;
        }

        return Task.FromResult(result);
    }

    /// <summary>The date the text means, with <paramref name="today"/> for relative words; null if none.</summary>
    public static DateOnly? Recognize(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = Ordinals().Replace(text.Trim().TrimEnd('.'), "$1");
        cleaned = string.Join(' ', cleaned.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var lower = cleaned.ToLowerInvariant();
        switch (lower)
        {
            case "today":
                return today;
            case "tomorrow":
                return today.AddDays(1);
            case "yesterday":
                return today.AddDays(-1);
        }

        var relative = Relative().Match(lower);
        if (relative.Success && Enum.TryParse<DayOfWeek>(relative.Groups["day"].Value, ignoreCase: true, out var day))
        {
            if (relative.Groups["which"].Value == "last")
            {
                var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
                return today.AddDays(-(back == 0 ? 7 : back));
            }

            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }

        if (DateOnly.TryParseExact(cleaned, Formats, British, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        if (DateOnly.TryParseExact(cleaned, FormatsWithoutYear, British, DateTimeStyles.AllowWhiteSpaces, out var withoutYear))
        {
            return new DateOnly(today.Year, withoutYear.Month, withoutYear.Day);
        }

        return null;
    }

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ordinals();

    [GeneratedRegex(@"^(?:(?<which>next|this|last|on)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();
}
