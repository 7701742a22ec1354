using System.Globalization;

namespace SelfService.Domain.Tests.Calendar;

internal static class TestDates
{
    /// <summary>ISO dates keep InlineData readable and unambiguous.</summary>
    public static DateOnly Parse(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
