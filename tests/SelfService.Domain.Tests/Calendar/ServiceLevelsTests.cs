using SelfService.Domain.Calendar;
using static SelfService.Domain.Tests.Calendar.TestDates;

namespace SelfService.Domain.Tests.Calendar;

public class ServiceLevelsTests
{
    private static readonly ServiceLevels _defaults = ServiceLevels.Default;

    [Fact]
    public void Defaults_match_the_reference_table()
    {
        Assert.Equal(2, _defaults.EnquiryAcknowledgeWorkingDays);
        Assert.Equal(10, _defaults.EnquiryRespondWorkingDays);
        Assert.Equal(20, _defaults.MpCorrespondenceUpperBoundWorkingDays);
        Assert.Equal(5, _defaults.ComplaintStage1AcknowledgeWorkingDays);
        Assert.Equal(10, _defaults.ComplaintStage1RespondWorkingDays);
        Assert.Equal(20, _defaults.ComplaintStage1ExtendedRespondWorkingDays);
        Assert.Equal(28, _defaults.Stage2RequestWindowCalendarDays);
        Assert.Equal(5, _defaults.ComplaintStage2AcknowledgeWorkingDays);
        Assert.Equal(20, _defaults.ComplaintStage2RespondWorkingDays);
    }

    [Fact]
    public void Enquiry_received_on_Christmas_Eve_2026_skips_Christmas_and_New_Year()
    {
        // Fri 25 Dec and Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan are holidays.
        var due = _defaults.EnquiryDueDates(Parse("2026-12-24"));

        Assert.Equal(Parse("2026-12-30"), due.AcknowledgeBy); // Wednesday
        Assert.Equal(Parse("2027-01-12"), due.RespondBy); // Tuesday
    }

    [Fact]
    public void Enquiry_received_on_a_Friday()
    {
        var due = _defaults.EnquiryDueDates(Parse("2026-01-16"));

        Assert.Equal(Parse("2026-01-20"), due.AcknowledgeBy); // Tuesday
        Assert.Equal(Parse("2026-01-30"), due.RespondBy); // Friday a fortnight later
    }

    [Fact]
    public void MP_correspondence_upper_bound_is_20_working_days()
    {
        Assert.Equal(Parse("2027-01-26"), _defaults.MpCorrespondenceLatestResponse(Parse("2026-12-24")));
    }

    [Fact]
    public void Complaint_stage_1_over_Easter_and_early_May()
    {
        var due = _defaults.ComplaintStage1DueDates(Parse("2026-04-02"));

        Assert.Equal(Parse("2026-04-13"), due.AcknowledgeBy); // Monday
        Assert.Equal(Parse("2026-04-20"), due.RespondBy); // Monday
        Assert.Equal(Parse("2026-05-05"), due.ExtendedRespondBy); // Tuesday after early May bank holiday
    }

    [Fact]
    public void Complaint_stage_2_over_the_summer_bank_holiday()
    {
        var due = _defaults.ComplaintStage2DueDates(Parse("2026-08-17"));

        Assert.Equal(Parse("2026-08-24"), due.AcknowledgeBy); // Monday
        Assert.Equal(Parse("2026-09-15"), due.RespondBy); // Tuesday; Mon 31 Aug skipped
    }

    [Theory]
    [InlineData("2026-12-04", "2027-01-01")] // lands on New Year's Day and is not moved
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-02-01", "2028-02-29")] // leap year
    public void Stage_2_request_window_is_28_calendar_days(string replySent, string closes)
    {
        Assert.Equal(Parse(closes), _defaults.Stage2RequestWindowCloses(Parse(replySent)));
    }

    [Fact]
    public void A_council_can_override_a_default()
    {
        // Some councils acknowledge members' enquiries on the next working day.
        var levels = _defaults with { EnquiryAcknowledgeWorkingDays = 1 };

        var due = levels.EnquiryDueDates(Parse("2026-01-16"));

        Assert.Equal(Parse("2026-01-19"), due.AcknowledgeBy);
        Assert.Equal(Parse("2026-01-30"), due.RespondBy);
        Assert.Equal(2, ServiceLevels.Default.EnquiryAcknowledgeWorkingDays);
    }

    [Fact]
    public void Negative_service_level_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceLevels { ComplaintStage2RespondWorkingDays = -1 });
    }

    [Fact]
    public void An_injected_calendar_is_used()
    {
        // A local closure day on Mon 19 Jan 2026, no other holidays.
        var calendar = new WorkingDayCalendar([Parse("2026-01-19")], 2026, 2026);

        var due = _defaults.EnquiryDueDates(Parse("2026-01-16"), calendar);

        Assert.Equal(Parse("2026-01-21"), due.AcknowledgeBy);
    }
}
