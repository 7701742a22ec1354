using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;
using SelfService.Domain.Enquiries;
using SelfService.Domain.Requests;

namespace SelfService.Domain.Tests.Enquiries;

public sealed class MemberEnquiryTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    public static TheoryData<DateOnly, DateOnly, DateOnly> AcrossBankHolidays => new()
    {
        // Christmas 2026: Friday 25th, and Monday 28th for Boxing Day on a Saturday.
        { new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 11) },
        { new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 12) },
        // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        { new DateOnly(2027, 3, 24), new DateOnly(2027, 3, 30), new DateOnly(2027, 4, 9) },
        { new DateOnly(2027, 3, 25), new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 12) },
        // A Saturday receipt counts from Monday like a Friday one.
        { new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 4) },
    };

    [Theory]
    [MemberData(nameof(AcrossBankHolidays))]
    public void Due_dates_skip_weekends_and_bank_holidays(DateOnly received, DateOnly acknowledgeBy, DateOnly respondBy)
    {
        var enquiry = Logged(received);

        Assert.Equal(acknowledgeBy, enquiry.AcknowledgeBy);
        Assert.Equal(respondBy, enquiry.RespondBy);
    }

    [Fact]
    public void Configured_service_levels_change_the_dates()
    {
        var levels = new ServiceLevels { EnquiryAcknowledgeWorkingDays = 1, EnquiryRespondWorkingDays = 5 };

        var due = levels.EnquiryDueDates(new DateOnly(2026, 12, 24), Calendar);

        Assert.Equal(new DateOnly(2026, 12, 29), due.AcknowledgeBy);
        Assert.Equal(new DateOnly(2027, 1, 5), due.RespondBy);
    }

    [Theory]
    [InlineData("2026-12-24", EnquiryRag.Amber)] // a 2-working-day target is due soon from the start
    [InlineData("2026-12-30", EnquiryRag.Amber)]
    [InlineData("2026-12-31", EnquiryRag.Red)]
    public void A_logged_enquiry_is_rated_against_its_acknowledgement_date(string today, EnquiryRag expected)
    {
        var enquiry = Logged(new DateOnly(2026, 12, 24)); // acknowledge by 30 December

        Assert.Equal(expected, enquiry.RagOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Calendar));
    }

    [Theory]
    [InlineData("2026-12-24", EnquiryRag.Green)] // 10 working days to 12 January
    [InlineData("2027-01-07", EnquiryRag.Green)] // 3 working days
    [InlineData("2027-01-08", EnquiryRag.Amber)] // 2 working days: 11th and 12th
    [InlineData("2027-01-12", EnquiryRag.Amber)] // due today
    [InlineData("2027-01-13", EnquiryRag.Red)]
    public void An_acknowledged_enquiry_is_rated_against_its_reply_date_in_working_days(string today, EnquiryRag expected)
    {
        var enquiry = Logged(new DateOnly(2026, 12, 24)); // reply by 12 January 2027
        enquiry.Assign(Guid.NewGuid(), new DateOnly(2026, 12, 24));

        Assert.Equal(expected, enquiry.RagOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Calendar));
    }

    [Fact]
    public void The_lifecycle_moves_forward_only()
    {
        var enquiry = Logged(new DateOnly(2026, 12, 24));
        Assert.Equal(EnquiryStatus.Logged, enquiry.Status);
        Assert.Throws<DomainException>(() => enquiry.Close(new DateOnly(2026, 12, 29)));

        enquiry.Assign(Guid.NewGuid(), new DateOnly(2026, 12, 29));
        Assert.Equal(EnquiryStatus.Acknowledged, enquiry.Status);
        Assert.Equal(new DateOnly(2026, 12, 29), enquiry.AcknowledgedOn);

        enquiry.Answer(new DateOnly(2027, 1, 4));
        Assert.Equal(EnquiryStatus.Answered, enquiry.Status);
        Assert.Null(enquiry.RagOn(new DateOnly(2027, 2, 1), Calendar));
        Assert.Throws<DomainException>(() => enquiry.Answer(new DateOnly(2027, 1, 5)));
        Assert.Throws<DomainException>(() => enquiry.Assign(Guid.NewGuid(), new DateOnly(2027, 1, 5)));

        enquiry.Close(new DateOnly(2027, 1, 5));
        Assert.Equal(EnquiryStatus.Closed, enquiry.Status);
        Assert.Throws<DomainException>(() => enquiry.MatchTo(Guid.NewGuid(), "EHC-2026-000001"));
    }

    [Fact]
    public void Answering_an_unacknowledged_enquiry_acknowledges_it_the_same_day()
    {
        var enquiry = Logged(new DateOnly(2026, 12, 24));
        enquiry.Answer(new DateOnly(2027, 1, 4));

        Assert.Equal(new DateOnly(2027, 1, 4), enquiry.AcknowledgedOn);
        Assert.Equal(new DateOnly(2027, 1, 4), enquiry.AnsweredOn);
    }

    [Fact]
    public void Overdue_means_open_after_the_reply_date()
    {
        var enquiry = Logged(new DateOnly(2026, 12, 24));
        Assert.False(enquiry.IsOverdueOn(new DateOnly(2027, 1, 12)));
        Assert.True(enquiry.IsOverdueOn(new DateOnly(2027, 1, 13)));
        enquiry.Answer(new DateOnly(2027, 1, 13));
        Assert.False(enquiry.IsOverdueOn(new DateOnly(2027, 1, 14)));
    }

    [Fact]
    public void References_have_five_digits()
    {
        Assert.Equal("MQ-2026-00042", MemberEnquiry.FormatReference(2026, 42));
    }

    [Fact]
    public void A_complete_form_with_consent_is_accepted_and_tidied()
    {
        var result = EnquiryQuestions.Check(Input() with { Postcode = "ls7 3ab", CaseReference = " ehc-2026-000042 " }, new DateOnly(2026, 11, 23));

        Assert.True(result.IsValid);
        Assert.Equal("LS7 3AB", result.Value!.Postcode);
        Assert.Equal("EHC-2026-000042", result.Value.CaseReference);
        Assert.Equal(new EnquiryConsentAnswer("Jo Brown", EnquiryConsentMethod.Email, new DateOnly(2026, 11, 20)), result.Value.Consent);
    }

    [Fact]
    public void Without_consent_the_consent_details_are_not_needed()
    {
        var result = EnquiryQuestions.Check(Input() with { HasConsent = "no", ConsentGivenBy = null, ConsentMethod = null, ConsentGivenOn = new DateParts(null, null, null) }, new DateOnly(2026, 11, 23));

        Assert.True(result.IsValid);
        Assert.Null(result.Value!.Consent);
    }

    [Fact]
    public void Every_mistake_is_named_against_its_field()
    {
        var blank = new EnquiryInput(null, null, new DateParts(null, null, null), null, "not a postcode", null, null, "Parking", null, null, null, new DateParts(null, null, null));

        var result = EnquiryQuestions.Check(blank, new DateOnly(2026, 11, 23));

        Assert.Equal(
            ["ChildFirstName", "ChildLastName", "ChildDateOfBirth.Day", "ParentName", "Postcode", "Concern", "Category", "HasConsent"],
            result.Errors.Select(e => e.Field));
        Assert.Contains(result.Errors, e => e.Message == "Enter a real postcode, like LS1 1UR");
    }

    [Fact]
    public void Consent_details_are_required_when_consent_is_given_and_cannot_be_in_the_future()
    {
        var result = EnquiryQuestions.Check(
            Input() with { ConsentGivenBy = " ", ConsentMethod = "Carrier pigeon", ConsentGivenOn = new DateParts("24", "11", "2026") },
            new DateOnly(2026, 11, 23));

        Assert.Equal(["ConsentGivenBy", "ConsentMethod", "ConsentGivenOn.Day"], result.Errors.Select(e => e.Field));
        Assert.Equal("Date consent was given must be today or in the past", result.Errors[2].Message);
    }

    [Fact]
    public void A_member_with_a_consented_matched_enquiry_gets_the_summary_only()
    {
        var member = Guid.NewGuid();
        var facts = new CaseAccessFacts(Guid.NewGuid(), new HashSet<Guid>(), null, MembersWithConsent: new HashSet<Guid> { member });
        var councillor = new Viewer { AccountId = Guid.NewGuid(), Email = "cllr@example.com", ElectedMemberId = member };
        var theirDelegate = new Viewer { AccountId = Guid.NewGuid(), Email = "office@example.com", DelegateForMemberId = member };
        var otherCouncillor = new Viewer { AccountId = Guid.NewGuid(), Email = "other@example.com", ElectedMemberId = Guid.NewGuid() };

        var access = CaseAccessPolicy.Decide(councillor, facts);
        Assert.Equal(CaseAccessBasis.MemberWithConsent, access.Basis);
        Assert.True(access.CanSeeSummary);
        Assert.False(access.CanView);
        Assert.False(access.CanRespondToDraft);
        Assert.Equal(CaseAccessBasis.MemberWithConsent, CaseAccessPolicy.Decide(theirDelegate, facts).Basis);
        Assert.False(CaseAccessPolicy.Decide(otherCouncillor, facts).CanSeeSummary);
        Assert.False(CaseAccessPolicy.Decide(councillor, facts with { MembersWithConsent = null }).CanSeeSummary);
    }

    private static MemberEnquiry Logged(DateOnly received)
    {
        var answers = EnquiryQuestions.Check(Input(), received).Value!;
        return new MemberEnquiry(Guid.NewGuid(), "MQ-2026-00001", Guid.NewGuid(), null, answers, new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), received, ServiceLevels.Default.EnquiryDueDates(received, Calendar));
    }

    private static EnquiryInput Input() => new(
        "Eleanor", "Brown", new DateParts("1", "5", "2018"), "Jo Brown", "LS7 3AB", null,
        "The family have waited months for a decision.", nameof(EnquiryCategory.Delay),
        "yes", "Jo Brown", nameof(EnquiryConsentMethod.Email), new DateParts("20", "11", "2026"));
}
