using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfService.Dialogs.Understanding;

/// <summary>Case and plan references as people type them: any case, spaces or dashes, leading zeros dropped.</summary>
internal static partial class References
{
    public static string? Find(string text)
    {
        if (CasePattern().Match(text) is { Success: true } c)
        {
            return string.Create(CultureInfo.InvariantCulture, $"EHC-{c.Groups["year"].Value}-{int.Parse(c.Groups["number"].Value, CultureInfo.InvariantCulture):D6}");
        }

        // Plans from an assessment are named after it (EHCP-2026-000123); older plans have a number only.
        if (YearPlanPattern().Match(text) is { Success: true } y)
        {
            return string.Create(CultureInfo.InvariantCulture, $"EHCP-{y.Groups["year"].Value}-{int.Parse(y.Groups["number"].Value, CultureInfo.InvariantCulture):D6}");
        }

        if (PlanPattern().Match(text) is { Success: true } p)
        {
            return string.Create(CultureInfo.InvariantCulture, $"EHCP-{int.Parse(p.Groups["number"].Value, CultureInfo.InvariantCulture):D6}");
        }

        return null;
    }

    [GeneratedRegex(@"\bEHC\s*[-/ ]?\s*(?<year>20\d\d)\s*[-/ ]?\s*(?<number>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"\bEHCP\s*[-/ ]?\s*(?<year>20\d\d)\s*[-/ ]\s*(?<number>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex YearPlanPattern();

    [GeneratedRegex(@"\bEHCP\s*[-/ ]?\s*(?<number>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PlanPattern();
}
