using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfService.Domain.Requests;

/// <summary>The shapes of things people type: names, postcodes, email addresses, dates in three boxes.</summary>
public static partial class AnswerFormats
{
    public const int NameMaxLength = 100;

    public const int LongTextMaxLength = 5000;

    public const int ShortTextMaxLength = 200;

    /// <summary>Trims and collapses inner whitespace; null for nothing typed.</summary>
    public static string? Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return WhitespaceRun().Replace(text.Trim(), " ");
    }

    /// <summary>Long answers keep their line breaks, which carry meaning in a description.</summary>
    public static string? TidyLong(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>A UK postcode in its usual shape, normalised to capitals with one space ("LS1 1UR"); null if it is not one.</summary>
    public static string? NormalisePostcode(string? text)
    {
        if (Tidy(text) is not { } tidy)
        {
            return null;
        }

        var compact = tidy.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!PostcodePattern().IsMatch(compact))
        {
            return null;
        }

        return compact[..^3] + " " + compact[^3..];
    }

    public static bool IsEmail(string email) => email.Length <= 254 && EmailPattern().IsMatch(email);

    /// <summary>Lower case, as the case store keeps addresses, so they match the signed-in account.</summary>
    public static string NormaliseEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Reads a GOV.UK date input, with the GOV.UK design system's error wording.</summary>
    /// <param name="field">The form field prefix; parts are <c>{field}.Day</c>, <c>.Month</c>, <c>.Year</c>.</param>
    /// <param name="label">How the error names the date, e.g. "Date of birth".</param>
    public static (DateOnly? Date, FieldError? Error) ReadDate(string field, string label, DateParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var day = Tidy(parts.Day);
        var month = Tidy(parts.Month);
        var year = Tidy(parts.Year);
        if (day is null && month is null && year is null)
        {
            return (null, new FieldError(field + ".Day", $"Enter {label.ToLowerInvariant()}"));
        }

        var missing = new List<(string Part, string Name)>();
        if (day is null)
        {
            missing.Add(("Day", "day"));
        }

        if (month is null)
        {
            missing.Add(("Month", "month"));
        }

        if (year is null)
        {
            missing.Add(("Year", "year"));
        }

        if (missing.Count > 0)
        {
            var names = string.Join(" and a ", missing.Select(m => m.Name));
            return (null, new FieldError($"{field}.{missing[0].Part}", $"{label} must include a {names}"));
        }

        if (year!.Length != 4)
        {
            return (null, new FieldError(field + ".Year", "Year must include 4 numbers"));
        }

        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 1900 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return (null, new FieldError(field + ".Day", $"{label} must be a real date"));
        }

        return (new DateOnly(y, m, d), null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    // Letters in any script, with the spaces, hyphens and apostrophes real names use.
    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M}' .\-’]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>The three boxes of a GOV.UK date input, as typed.</summary>
public sealed record DateParts(string? Day, string? Month, string? Year)
{
    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts(d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
        : new DateParts(null, null, null);
}
