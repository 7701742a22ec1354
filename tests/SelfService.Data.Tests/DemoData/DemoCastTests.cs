using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Tests.DemoData;

/// <summary>The README and the chatbot's examples rely on these people being there exactly as described.</summary>
public sealed class DemoCastTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private readonly DemoDataChunk _data = new DemoDataGenerator(DemoScale.Test, Today, 99).Generate().Single();

    [Fact]
    public void Helen_Carter_is_the_parent_of_two_children_at_different_stages()
    {
        var helen = Assert.Single(_data.ParentCarers, p => p.Email == DemoCast.ParentEmail);
        var children = _data.ChildParents.Where(l => l.ParentCarerId == helen.Id).Select(l => l.ChildId).ToHashSet();

        Assert.Equal(DemoCast.ParentName, helen.DisplayName);
        Assert.Equal([DemoCast.SamChildId, DemoCast.MaisieChildId], children.Order());
        Assert.Contains(_data.AssessmentCases, c => c.ChildId == DemoCast.SamChildId && !c.IsClosed);
        Assert.DoesNotContain(_data.EhcPlans, p => p.ChildId == DemoCast.SamChildId);
        Assert.Contains(_data.EhcPlans, p => p.ChildId == DemoCast.MaisieChildId && p.CeasedOn is null);
        Assert.DoesNotContain(_data.AssessmentCases, c => c.ChildId == DemoCast.MaisieChildId);
        Assert.Contains(_data.ChildParents, l => l.ParentCarerId == DemoCast.SecondParentId && l.ChildId == DemoCast.SamChildId);
    }

    [Fact]
    public void Sam_is_the_only_child_known_as_Sam_and_his_assessment_awaits_advice_with_the_decision_due_soon()
    {
        var sam = Assert.Single(_data.Children, c => (c.KnownAs ?? c.FirstName) == DemoCast.SamKnownAs);
        Assert.Equal(DemoCast.SamChildId, sam.Id);
        Assert.Equal("Sam Carter", sam.DisplayName);
        Assert.Equal(DemoCast.PrimarySchoolId, sam.SchoolId);

        var samCase = Assert.Single(_data.AssessmentCases, c => c.Id == DemoCast.SamCaseId);
        Assert.Equal(DemoCast.SamCaseReference(Today), samCase.Reference);
        Assert.Equal("EHC-2025-00042", samCase.Reference);
        Assert.Equal(CaseStage.Assessing, samCase.Stage);
        Assert.Equal(DemoCast.CaseworkerId, samCase.CaseworkerId);

        // The 16-week decision (issue a plan or not) falls within the next two weeks.
        var decisionDue = samCase.RequestReceivedOn.AddDays(16 * 7);
        Assert.InRange(decisionDue.DayNumber - Today.DayNumber, 1, 14);

        var requested = samCase.Events.OfType<AdviceRequested>().ToList();
        var received = samCase.Events.OfType<AdviceReceived>().Select(a => a.AdviceRequestId).ToHashSet();
        var awaited = Assert.Single(requested, r => !received.Contains(r.Id));
        Assert.Equal(AdviserKind.EducationalPsychologist, awaited.Adviser);
        Assert.True(awaited.DueOn < Today, "The educational psychologist's advice is overdue.");
    }

    [Fact]
    public void Maisies_plan_has_an_annual_review_coming_up_for_her_move_to_secondary()
    {
        var plan = Assert.Single(_data.EhcPlans, p => p.Id == DemoCast.MaisiePlanId);
        var maisie = Assert.Single(_data.Children, c => c.Id == DemoCast.MaisieChildId);

        Assert.Equal(DemoCast.MaisiePlanReference, plan.Reference);
        Assert.Equal(Today.AddDays(DemoCast.MaisieReviewDueInDays), plan.CurrentReview!.DueBy);
        Assert.Null(plan.CurrentReview.MeetingHeldOn);
        Assert.Equal(2, plan.Reviews.Count(r => r.IsComplete));
        Assert.Equal(new PhaseTransfer(PhaseTransferKind.School, 2026), plan.PhaseTransfer);
        Assert.InRange(maisie.DateOfBirth, new DateOnly(2014, 9, 1), new DateOnly(2015, 8, 31)); // Year 6 in 2025/26.
    }

    [Fact]
    public void Jordan_is_a_young_person_who_asked_for_their_own_assessment()
    {
        var jordan = Assert.Single(_data.Children, c => c.Email == DemoCast.YoungPersonEmail);
        var jordanCase = Assert.Single(_data.AssessmentCases, c => c.ChildId == jordan.Id);

        Assert.InRange(jordan.AgeOn(Today), 17, 20);
        Assert.True(jordan.IsYoungPersonOn(Today));
        Assert.Equal(Requester.YoungPerson, jordanCase.Requester);
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, jordanCase.Stage);
        Assert.Equal(DemoCast.SecondCaseworkerId, jordanCase.CaseworkerId);
        Assert.DoesNotContain(_data.ChildParents, l => l.ChildId == jordan.Id);
    }

    [Fact]
    public void Two_SENCOs_at_different_schools_one_a_shared_mailbox_each_with_a_request_in_progress()
    {
        var senco = Assert.Single(_data.SchoolContacts, c => c.Email == DemoCast.SencoEmail);
        var mailbox = Assert.Single(_data.SchoolContacts, c => c.Email == DemoCast.SharedSencoMailboxEmail);

        Assert.Equal(SchoolContactRole.Senco, senco.Role);
        Assert.Equal(SchoolContactRole.SharedMailbox, mailbox.Role);
        Assert.NotEqual(senco.SchoolId, mailbox.SchoolId);
        Assert.Equal(SchoolPhase.Primary, _data.Schools.Single(s => s.Id == senco.SchoolId).Phase);
        Assert.Equal(SchoolPhase.Secondary, _data.Schools.Single(s => s.Id == mailbox.SchoolId).Phase);

        var leo = Assert.Single(_data.AssessmentCases, c => c.Id == DemoCast.LeoCaseId);
        Assert.Equal(Requester.SchoolWithParentalConsent, leo.Requester);
        Assert.Equal(senco.SchoolId, leo.RequestingSchoolId);
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, leo.Stage);

        var ruby = Assert.Single(_data.AssessmentCases, c => c.Id == DemoCast.RubyCaseId);
        Assert.Equal(mailbox.SchoolId, ruby.RequestingSchoolId);
        Assert.Equal(CaseStage.DraftPlanIssued, ruby.Stage);
        Assert.True(ruby.RequestReceivedOn.AddDays(140) < Today, "Ruby's case is past 20 weeks.");
        Assert.Contains(ruby.Events, e => e is ExceptionApplied { Kind: ExceptionKind.ExceptionalPersonalCircumstances });
        Assert.Contains(ruby.Events, e => e is ExceptionEnded);
    }

    [Fact]
    public void Two_councillors_for_different_wards_and_an_MP()
    {
        var first = Assert.Single(_data.ElectedMembers, m => m.Email == DemoCast.CouncillorEmail);
        var second = Assert.Single(_data.ElectedMembers, m => m.Email == DemoCast.SecondCouncillorEmail);
        var mp = Assert.Single(_data.ElectedMembers, m => m.Email == DemoCast.MpEmail);

        Assert.Equal(ElectedMemberKind.Councillor, first.Kind);
        Assert.Equal(ElectedMemberKind.Councillor, second.Kind);
        Assert.Equal(DemoCast.CouncillorWard, first.Area);
        Assert.Equal(DemoCast.SecondCouncillorWard, second.Area);
        Assert.NotEqual(first.Area, second.Area);
        Assert.Equal(ElectedMemberKind.MemberOfParliament, mp.Kind);
        Assert.Equal(DemoCast.MpConstituency, mp.Area);
    }

    [Fact]
    public void Three_caseworkers_in_different_teams_and_a_service_manager()
    {
        var caseworkers = new[] { DemoCast.CaseworkerEmail, DemoCast.SecondCaseworkerEmail, DemoCast.ThirdCaseworkerEmail }
            .Select(email => Assert.Single(_data.StaffMembers, s => s.Email == email))
            .ToList();
        var manager = Assert.Single(_data.StaffMembers, s => s.Email == DemoCast.ServiceManagerEmail);

        Assert.All(caseworkers, s => Assert.Equal(StaffRole.Caseworker, s.Role));
        Assert.Equal(3, caseworkers.Select(s => s.Team).Distinct().Count());
        Assert.Equal(StaffRole.ServiceManager, manager.Role);

        // The cast caseworkers carry generated cases as well as the cast's, like anyone else in their team.
        Assert.All(caseworkers, s => Assert.True(_data.AssessmentCases.Count(c => c.CaseworkerId == s.Id) > 1));
    }

    [Fact]
    public void Only_the_cast_uses_the_example_com_domain_and_every_cast_email_is_unique()
    {
        var emails = _data.ParentCarers.Select(p => p.Email)
            .Concat(_data.Children.Where(c => c.Email is not null).Select(c => c.Email!))
            .Concat(_data.SchoolContacts.Select(c => c.Email))
            .Concat(_data.StaffMembers.Select(s => s.Email))
            .Concat(_data.ElectedMembers.Select(m => m.Email))
            .Where(e => e.EndsWith("@" + DemoCast.EmailDomain, StringComparison.Ordinal))
            .ToList();

        // Four parents, Jordan, two school contacts, four staff, three elected members.
        Assert.Equal(14, emails.Count);
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(DemoScale.Test, 1)]
    [InlineData(DemoScale.Test, 2)]
    [InlineData(DemoScale.Leeds, 1)]
    public void The_cast_is_the_same_whatever_the_scale_or_seed(DemoScale scale, int seed)
    {
        var data = new DemoDataGenerator(scale, Today, seed).Generate().First();
        var samCase = data.AssessmentCases.Single(c => c.Id == DemoCast.SamCaseId);

        Assert.Equal(DemoCast.SamChildId, samCase.ChildId);
        Assert.Equal(Today.AddDays(-DemoCast.SamRequestDaysAgo), samCase.RequestReceivedOn);
        Assert.Equal(
            _data.AssessmentCases.Single(c => c.Id == DemoCast.SamCaseId).Events.Select(e => (e.GetType(), e.OccurredOn)),
            samCase.Events.Select(e => (e.GetType(), e.OccurredOn)));
        Assert.Single(data.EhcPlans, p => p.Id == DemoCast.MaisiePlanId);
    }
}
