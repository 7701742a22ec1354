namespace SelfService.Domain.Calendar;

/// <summary>
/// Local service levels for members' enquiries and complaints. These are council policy, not law,
/// so each council can override any value; the defaults are typical published council targets.
/// Working-day targets follow "within N working days of D" = the Nth working day after D.
/// </summary>
public sealed record ServiceLevels
{
    public static ServiceLevels Default { get; } = new();

    public int EnquiryAcknowledgeWorkingDays { get; init => field = NonNegative(value); } = 2;

    public int EnquiryRespondWorkingDays { get; init => field = NonNegative(value); } = 10;

    /// <summary>The longest an MP should wait for a full reply (central government benchmark).</summary>
    public int MpCorrespondenceUpperBoundWorkingDays { get; init => field = NonNegative(value); } = 20;

    public int ComplaintStage1AcknowledgeWorkingDays { get; init => field = NonNegative(value); } = 5;

    public int ComplaintStage1RespondWorkingDays { get; init => field = NonNegative(value); } = 10;

    public int ComplaintStage1ExtendedRespondWorkingDays { get; init => field = NonNegative(value); } = 20;

    /// <summary>Calendar days, not working days, after the stage 1 reply was sent.</summary>
    public int Stage2RequestWindowCalendarDays { get; init => field = NonNegative(value); } = 28;

    public int ComplaintStage2AcknowledgeWorkingDays { get; init => field = NonNegative(value); } = 5;

    public int ComplaintStage2RespondWorkingDays { get; init => field = NonNegative(value); } = 20;

    /// <param name="received">The day the council received the enquiry; it never counts as day 1.</param>
    /// <param name="calendar">Defaults to England and Wales.</param>
    public DueDates EnquiryDueDates(DateOnly received, WorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.EnglandAndWales;
        return new DueDates(
            calendar.AddWorkingDays(received, EnquiryAcknowledgeWorkingDays),
            calendar.AddWorkingDays(received, EnquiryRespondWorkingDays));
    }

    public DateOnly MpCorrespondenceLatestResponse(DateOnly received, WorkingDayCalendar? calendar = null) =>
        (calendar ?? WorkingDayCalendar.EnglandAndWales).AddWorkingDays(received, MpCorrespondenceUpperBoundWorkingDays);

    public ComplaintStage1DueDates ComplaintStage1DueDates(DateOnly received, WorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.EnglandAndWales;
        return new ComplaintStage1DueDates(
            calendar.AddWorkingDays(received, ComplaintStage1AcknowledgeWorkingDays),
            calendar.AddWorkingDays(received, ComplaintStage1RespondWorkingDays),
            calendar.AddWorkingDays(received, ComplaintStage1ExtendedRespondWorkingDays));
    }

    /// <param name="requestReceived">The day the council received the request to escalate to stage 2.</param>
    public DueDates ComplaintStage2DueDates(DateOnly requestReceived, WorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.EnglandAndWales;
        return new DueDates(
            calendar.AddWorkingDays(requestReceived, ComplaintStage2AcknowledgeWorkingDays),
            calendar.AddWorkingDays(requestReceived, ComplaintStage2RespondWorkingDays));
    }

    /// <summary>
    /// The last day the complainant can ask for stage 2. Counted like the statutory "within N
    /// weeks": the reply day is day 0 and the window is not stretched for weekends or bank
    /// holidays, so it needs no calendar.
    /// </summary>
    public DateOnly Stage2RequestWindowCloses(DateOnly stage1ReplySent) =>
        stage1ReplySent.AddDays(Stage2RequestWindowCalendarDays);

    private static int NonNegative(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }
}
