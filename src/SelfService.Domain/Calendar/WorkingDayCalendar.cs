namespace SelfService.Domain.Calendar;

/// <summary>
/// Working days for enquiries, complaints and mediation certificates: Monday to Friday,
/// excluding bank holidays.
/// </summary>
/// <remarks>
/// Every method throws <see cref="ArgumentOutOfRangeException"/> for a date outside the bank
/// holiday data's covered years, including dates reached while counting, because guessing that a
/// year has no bank holidays would produce plausible but wrong deadlines.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> _englandAndWales =
        new(() => new WorkingDayCalendar(BankHolidays.EnglandAndWales), LazyThreadSafetyMode.ExecutionAndPublication);

    public WorkingDayCalendar(BankHolidays bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        BankHolidays = bankHolidays;
    }

    public WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays, int firstCoveredYear, int lastCoveredYear)
        : this(new BankHolidays(
            (bankHolidays ?? throw new ArgumentNullException(nameof(bankHolidays))).Select(d => new BankHoliday(d, "Bank holiday")),
            firstCoveredYear,
            lastCoveredYear))
    {
    }

    public static WorkingDayCalendar EnglandAndWales => _englandAndWales.Value;

    public BankHolidays BankHolidays { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        BankHolidays.EnsureCovered(date, nameof(date));
        return IsCoveredWorkingDay(date);
    }

    /// <summary>
    /// The date that is "within <paramref name="workingDays"/> working days of <paramref name="from"/>":
    /// the Nth working day after it. <paramref name="from"/> itself never counts, even when it is a
    /// working day, so a letter received on a Saturday and one received the Friday before have the
    /// same 1-working-day deadline (Monday).
    /// </summary>
    /// <remarks>
    /// Zero returns <paramref name="from"/> unchanged, even when it is not a working day: "within 0
    /// working days" means the same day, and this keeps
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for every n.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="workingDays"/> is negative, or the count runs outside the covered years.
    /// </exception>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        BankHolidays.EnsureCovered(from, nameof(from));

        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            BankHolidays.EnsureCovered(date, nameof(workingDays));
            if (IsCoveredWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the next one.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The first working day strictly after the date, whether or not the date is one.</summary>
    public DateOnly FirstWorkingDayAfter(DateOnly date) => NextWorkingDayOnOrAfter(date.AddDays(1));

    /// <summary>
    /// How many working days fall after <paramref name="fromExclusive"/> up to and including
    /// <paramref name="toInclusive"/>: a reply on the next working day after receipt is 1, a reply
    /// on the day of receipt is 0. Compare with a service level: on time when the result is no
    /// more than the allowed working days.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>, or either date is
    /// outside the covered years.
    /// </exception>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        BankHolidays.EnsureCovered(fromExclusive, nameof(fromExclusive));
        BankHolidays.EnsureCovered(toInclusive, nameof(toInclusive));
        if (toInclusive < fromExclusive)
        {
            throw new ArgumentOutOfRangeException(
                nameof(toInclusive),
                toInclusive,
                $"The end date must not be before the start date {fromExclusive:yyyy-MM-dd}.");
        }

        var count = 0;
        for (var date = fromExclusive.AddDays(1); date <= toInclusive; date = date.AddDays(1))
        {
            if (IsCoveredWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private bool IsCoveredWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.Dates.Contains(date);
}
