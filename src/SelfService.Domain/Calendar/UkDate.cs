using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SelfService.Domain.Calendar;

/// <summary>
/// Dates as UK families and council staff expect to read them, independent of the server's culture.
/// </summary>
public static class UkDate
{
    private static readonly CultureInfo _enGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Monday 16 February 2026".</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long as in the long date form; callers across the product already use this name.")]
    public static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", _enGb);

    /// <summary>"16 February 2026": for dates the reader already knows, such as a letter's date.</summary>
    public static string DayMonthYear(DateOnly date) => date.ToString("d MMMM yyyy", _enGb);
}
