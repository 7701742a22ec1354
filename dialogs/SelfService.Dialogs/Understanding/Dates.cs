using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfService.Dialogs.Understanding;

/// <summary>
/// Dates as British people type them: 3/4/2026 is the 3rd of April; "3rd April", "April 3",
/// "next Tuesday", "in two weeks", "yesterday". A date without a year is the one nearest today.
/// </summary>
internal static partial class Dates
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    public static DateMention? Find(string text, DateOnly today)
    {
        var lower = text.ToLowerInvariant();
        return Numeric(lower, today) ?? Named(lower, today) ?? Relative(lower, today);
    }

    private static DateMention? Numeric(string text, DateOnly today)
    {
        foreach (Match m in NumericPattern().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (year < 100)
            {
                year += 2000;
            }

            if (Make(year, month, day, today) is { } date)
            {
                return new DateMention(date, m.Value);
            }
        }

        return null;
    }

    private static DateMention? Named(string text, DateOnly today)
    {
        foreach (var m in DayMonthPattern().Matches(text).Concat(MonthDayPattern().Matches(text)))
        {
            var month = Array.IndexOf(Months, m.Groups["month"].Value[..3]) + 1;
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (month > 0 && Make(year, month, day, today) is { } date)
            {
                return new DateMention(date, m.Value.Trim());
            }
        }

        return null;
    }

    private static DateMention? Relative(string text, DateOnly today)
    {
        if (WordPattern("today").IsMatch(text))
        {
            return new DateMention(today, "today");
        }

        if (WordPattern("tomorrow").IsMatch(text))
        {
            return new DateMention(today.AddDays(1), "tomorrow");
        }

        if (WordPattern("yesterday").IsMatch(text))
        {
            return new DateMention(today.AddDays(-1), "yesterday");
        }

        if (WeekdayPattern().Match(text) is { Success: true } w)
        {
            var target = Enum.Parse<DayOfWeek>(w.Groups["day"].Value, ignoreCase: true);
            var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
            var date = w.Groups["which"].Value switch
            {
                "last" => today.AddDays(ahead == 0 ? -7 : ahead - 7),
                "next" => today.AddDays(ahead == 0 ? 7 : ahead),
                _ => today.AddDays(ahead),
            };
            return new DateMention(date, w.Value.Trim());
        }

        if (SpanPattern().Match(text) is { Success: true } s)
        {
            var count = int.TryParse(s.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Numbers[s.Groups["n"].Value];
            var sign = s.Groups["ago"].Success ? -1 : 1;
            var date = s.Groups["unit"].Value switch
            {
                var u when u.StartsWith("day", StringComparison.Ordinal) => today.AddDays(sign * count),
                var u when u.StartsWith("week", StringComparison.Ordinal) => today.AddDays(sign * 7 * count),
                _ => today.AddMonths(sign * count),
            };
            return new DateMention(date, s.Value.Trim());
        }

        return null;
    }

    private static DateOnly? Make(int? year, int month, int day, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        if (year is { } y)
        {
            return y is >= 1900 and <= 2100 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        // Without a year people mean the nearest such day: "15 February" in November is next February.
        DateOnly? best = null;
        foreach (var candidate in new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            if (day > DateTime.DaysInMonth(candidate, month))
            {
                continue;
            }

            var date = new DateOnly(candidate, month, day);
            if (best is null || Math.Abs(date.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber))
            {
                best = date;
            }
        }

        return best;
    }

    private static Regex WordPattern(string word) => new($@"\b{word}\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(500));

    [GeneratedRegex(@"\b(?<d>\d{1,2})[/.\-](?<m>\d{1,2})(?:[/.\-](?<y>\d{4}|\d{2}))?\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?<which>next|last|this|on)?\s*(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?:in\s+(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>days?|weeks?|months?)|(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>days?|weeks?|months?)(?<ago>\s+ago))\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex SpanPattern();
}
