using SelfService.Domain.Calendar;

namespace SelfService.Domain.Appeals;

/// <summary>
/// The last day to appeal to the First-tier Tribunal (SEND) against a refusal to assess, a
/// refusal to issue a plan, or the content of a final plan.
/// </summary>
public static class AppealDeadline
{
    private const int MonthsFromDecisionLetter = 2;
    private const int MonthsFromMediationCertificate = 1;

    /// <summary>
    /// The later of 2 months from the decision letter and 1 month from the mediation certificate,
    /// then moved under the Tribunal Procedure (HESC) Rules 2008 r12: a date from 25 December to
    /// 1 January, or in August, moves to the first working day after 1 January / 31 August (r12(3));
    /// any other non-working day moves to the next working day (r12(2)).
    /// </summary>
    /// <remarks>
    /// "N months from D" uses <see cref="DateOnly.AddMonths"/>: the same day-number, or the last day
    /// of a shorter month, as the Tribunal counts it.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The deadline falls outside the bank holiday data.</exception>
    public static AppealDeadlineResult Calculate(DateOnly decisionLetter, DateOnly? mediationCertificate, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);

        var fromLetter = decisionLetter.AddMonths(MonthsFromDecisionLetter);
        var fromCertificate = mediationCertificate?.AddMonths(MonthsFromMediationCertificate);

        var certificateWins = fromCertificate > fromLetter;
        var unadjusted = certificateWins ? fromCertificate!.Value : fromLetter;
        var basis = Basis(decisionLetter, mediationCertificate, fromLetter, fromCertificate);

        var (deadline, adjustment) = Adjust(unadjusted, calendar);
        return new AppealDeadlineResult(
            deadline,
            $"You have until {UkDate.Long(deadline)} to appeal to the SEND Tribunal. That is {basis}{adjustment}.");
    }

    private static (DateOnly Deadline, string Adjustment) Adjust(DateOnly date, WorkingDayCalendar calendar)
    {
        // r12(3) is checked before r12(2): a working day such as 29 December still moves.
        if (IsChristmasToNewYear(date))
        {
            var newYearsDay = new DateOnly(date.Month == 12 ? date.Year + 1 : date.Year, 1, 1);
            return (calendar.FirstWorkingDayAfter(newYearsDay),
                $"; the deadline fell on {UkDate.Long(date)}, between 25 December and 1 January, so it moves to the first working day after 1 January");
        }

        if (date.Month == 8)
        {
            return (calendar.FirstWorkingDayAfter(new DateOnly(date.Year, 8, 31)),
                $"; the deadline fell on {UkDate.Long(date)}, in August, so it moves to the first working day after 31 August");
        }

        if (calendar.IsWorkingDay(date))
        {
            return (date, string.Empty);
        }

        var bankHoliday = calendar.BankHolidays.TitleOf(date);
        var why = bankHoliday is null ? "which is not a working day" : $"which is a bank holiday ({bankHoliday})";
        return (calendar.NextWorkingDayOnOrAfter(date),
            $"; the deadline fell on {UkDate.Long(date)}, {why}, so it moves to the next working day");
    }

    private static bool IsChristmasToNewYear(DateOnly date) =>
        (date.Month == 12 && date.Day >= 25) || (date.Month == 1 && date.Day == 1);

    private static string Basis(DateOnly decisionLetter, DateOnly? mediationCertificate, DateOnly fromLetter, DateOnly? fromCertificate)
    {
        var letterPart = $"2 months from your decision letter dated {UkDate.DayMonthYear(decisionLetter)}";
        if (mediationCertificate is not { } certificate || fromCertificate is not { } certificateDate)
        {
            return letterPart;
        }

        var certificatePart = $"1 month from your mediation certificate dated {UkDate.DayMonthYear(certificate)}";
        if (certificateDate > fromLetter)
        {
            return $"{certificatePart}, which is later than {letterPart}";
        }

        return certificateDate == fromLetter
            ? $"{letterPart}, which is the same day as {certificatePart}"
            : $"{letterPart}, which is later than {certificatePart}";
    }
}
