namespace SelfService.Web.Api;

/// <summary>
/// The dates any form or API takes at all. Far outside them nothing is meant (9999-12-31 is a typing
/// slip or a probe), and the arithmetic done on a date (deadlines, month-by-month figures) would
/// run past the ends of the calendar; so they are refused up front with a clear message.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly First = new(1900, 1, 1);

    public static readonly DateOnly Last = new(2199, 12, 31);

    public const string Range = "1900-01-01 to 2199-12-31";

    public static bool Contains(DateOnly date) => date >= First && date <= Last;
}
