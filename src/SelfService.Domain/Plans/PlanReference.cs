using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfService.Domain.Plans;

/// <summary>
/// Names the plan that comes of an assessment <c>EHCP-{year}-{6 digits}</c> after the case it came
/// from, so staff and families can tell from either reference which belongs to which.
/// </summary>
public static partial class PlanReference
{
    public const string Prefix = "EHCP-";

    /// <param name="caseReference">The assessment case, normally <c>EHC-{year}-{number}</c>.</param>
    /// <param name="issuedOn">When the final plan was issued: the year for a case numbered some other way.</param>
    public static string ForCase(string caseReference, DateOnly issuedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseReference);
        var match = CaseNumber().Match(caseReference.Trim());
        if (match.Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            return Format(year, number);
        }

        // Cases carried over from older systems keep their own numbering; a stable hash of their
        // reference keeps the plan reference the same on every server and every run.
        return Format(issuedOn.Year, (int)(Fnv1a(caseReference.Trim().ToUpperInvariant()) % 1_000_000));
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{number:D6}");

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    [GeneratedRegex(@"^EHC-(?<year>\d{4})-(?<number>\d{1,6})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumber();
}
