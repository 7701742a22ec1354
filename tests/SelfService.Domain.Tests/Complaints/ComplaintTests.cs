using SelfService.Domain.Calendar;
using SelfService.Domain.Common;
using SelfService.Domain.Complaints;

namespace SelfService.Domain.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly ServiceLevels Levels = ServiceLevels.Default;

    private static Complaint Open(DateOnly receivedOn, ComplainantRole role = ComplainantRole.ParentCarer, string? constituent = null, string? consent = null) =>
        Complaint.Open(
            new NewComplaint(Guid.NewGuid(), Guid.NewGuid(), "helen@example.com", "Helen Carter", role, null, null, "No reply for six weeks.", "An apology and a date.", constituent, consent),
            "CMP-2026-00001", receivedOn, Levels);

    [Fact]
    public void Stage_1_dates_step_over_the_Christmas_2026_bank_holidays()
    {
        // Friday 18 December 2026: 25 and 28 December and 1 January are bank holidays.
        var complaint = Open(new DateOnly(2026, 12, 18));

        Assert.Equal(ComplaintStatus.Stage1Received, complaint.Status);
        Assert.Equal(new DateOnly(2026, 12, 29), complaint.Stage1AcknowledgeBy);
        Assert.Equal(new DateOnly(2027, 1, 6), complaint.Stage1RespondBy);
        Assert.Equal(new DateOnly(2026, 12, 29), complaint.NextDueOn);

        complaint.Acknowledge(new DateOnly(2026, 12, 22));
        Assert.Equal(new DateOnly(2027, 1, 6), complaint.NextDueOn);

        complaint.ExtendStage1("We are waiting for the school's records.", Levels);
        Assert.Equal(new DateOnly(2027, 1, 20), complaint.Stage1TargetRespondBy);
        Assert.Equal(new DateOnly(2027, 1, 20), complaint.NextDueOn);
        Assert.Equal(ComplaintErrors.AlreadyExtended, Assert.Throws<DomainException>(() => complaint.ExtendStage1("Again", Levels)).Code);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void Stage_2_can_be_asked_for_up_to_and_including_28_calendar_days_after_the_stage_1_response(int daysAfter, bool allowed)
    {
        var complaint = Open(new DateOnly(2026, 12, 18));
        var responded = new DateOnly(2027, 1, 6);
        complaint.Respond(ComplaintOutcome.NotUpheld, "", "We met the deadlines.", responded, Levels);
        Assert.Equal(new DateOnly(2027, 2, 3), complaint.Stage2WindowClosesOn);
        var asked = responded.AddDays(daysAfter);

        Assert.Equal(allowed, complaint.CanRequestStage2(asked));
        if (allowed)
        {
            complaint.RequestStage2("The delays were not explained.", asked, Levels);
            Assert.Equal(ComplaintStatus.Stage2Requested, complaint.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => complaint.RequestStage2("Too late?", asked, Levels));
            Assert.Equal(ComplaintErrors.Stage2WindowClosed, refused.Code);
            Assert.Contains("3 February 2027", refused.Message, StringComparison.Ordinal);
            Assert.Equal(ComplaintStatus.Stage1Responded, complaint.Status);
        }
    }

    [Fact]
    public void Stage_2_dates_step_over_Easter_2027_and_the_complaint_goes_to_the_Ombudsman()
    {
        var complaint = Open(new DateOnly(2027, 2, 15));
        complaint.Acknowledge(new DateOnly(2027, 2, 16));
        complaint.Respond(ComplaintOutcome.PartlyUpheld, "We will apologise in writing.", "Some delay was ours.", new DateOnly(2027, 3, 1), Levels);

        // Monday 22 March 2027; Good Friday 26 March and Easter Monday 29 March are bank holidays.
        complaint.RequestStage2("The apology is not enough.", new DateOnly(2027, 3, 22), Levels);
        Assert.Equal(new DateOnly(2027, 3, 31), complaint.Stage2AcknowledgeBy);
        Assert.Equal(new DateOnly(2027, 4, 21), complaint.Stage2RespondBy);
        Assert.Equal(2, complaint.Stage);

        complaint.Acknowledge(new DateOnly(2027, 3, 23));
        Assert.Equal(new DateOnly(2027, 4, 21), complaint.NextDueOn);
        complaint.Respond(ComplaintOutcome.NotUpheld, "", "Stage 1 was right.", new DateOnly(2027, 4, 20), Levels);
        Assert.Null(complaint.NextDueOn);

        complaint.ReferToOmbudsman(new DateOnly(2027, 5, 3), "26 001 234");
        Assert.Equal(3, complaint.Stage);
        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.Close(new DateOnly(2027, 5, 4))).Code);
        complaint.RecordOmbudsmanOutcome(OmbudsmanOutcome.Upheld, "Pay £150 for the distress.", new DateOnly(2027, 8, 2));
        complaint.Close(new DateOnly(2027, 8, 3));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(3, complaint.Stage);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_with_codes()
    {
        var complaint = Open(new DateOnly(2026, 11, 2));

        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.RequestStage2("Why", new DateOnly(2026, 11, 3), Levels)).Code);
        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.ReferToOmbudsman(new DateOnly(2026, 11, 3), "1")).Code);
        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.Close(new DateOnly(2026, 11, 3))).Code);
        Assert.Equal(ComplaintErrors.DateOutOfOrder, Assert.Throws<DomainException>(() => complaint.Acknowledge(new DateOnly(2026, 11, 1))).Code);
        Assert.Equal(ComplaintErrors.TextRequired, Assert.Throws<DomainException>(() => complaint.Respond(ComplaintOutcome.Upheld, " ", "Sorry.", new DateOnly(2026, 11, 5), Levels)).Code);

        complaint.Respond(ComplaintOutcome.Upheld, "A new caseworker.", "Sorry.", new DateOnly(2026, 11, 5), Levels);
        Assert.Equal(new DateOnly(2026, 11, 5), complaint.Stage1AcknowledgedOn);
        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.Acknowledge(new DateOnly(2026, 11, 6))).Code);
        Assert.Equal(ComplaintErrors.NotAtThisStep, Assert.Throws<DomainException>(() => complaint.ExtendStage1("Late", Levels)).Code);

        // Closing while the complainant can still escalate would take that right away.
        Assert.Equal(ComplaintErrors.Stage2WindowOpen, Assert.Throws<DomainException>(() => complaint.Close(new DateOnly(2026, 12, 3))).Code);
        complaint.Close(new DateOnly(2026, 12, 4));
        Assert.False(complaint.IsOpen);
    }

    [Fact]
    public void A_member_complains_for_a_constituent_only_with_their_consent()
    {
        Assert.Equal(ComplaintErrors.TextRequired, Assert.Throws<DomainException>(() => Open(new DateOnly(2026, 11, 2), ComplainantRole.MemberForConstituent)).Code);
        Assert.Equal(ComplaintErrors.ConsentRequired, Assert.Throws<DomainException>(() => Open(new DateOnly(2026, 11, 2), ComplainantRole.MemberForConstituent, "Kerry Walsh")).Code);

        var complaint = Open(new DateOnly(2026, 11, 2), ComplainantRole.MemberForConstituent, "Kerry Walsh", "Email to my office, 1 November 2026");
        Assert.Equal("Kerry Walsh", complaint.ConstituentName);
    }
}
