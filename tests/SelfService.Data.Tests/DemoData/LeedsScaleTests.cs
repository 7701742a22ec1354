using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Tests.DemoData;

/// <summary>One Leeds-scale generation shared by the tests that check its proportions against the council's figures.</summary>
public sealed class LeedsData
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public DemoDataChunk Data { get; } = new DemoDataGenerator(DemoScale.Leeds, Today, 20260302).Generate().Single();
}

public sealed class LeedsScaleTests(LeedsData leeds) : IClassFixture<LeedsData>
{
    private static readonly DateOnly Today = LeedsData.Today;
    private readonly DemoDataChunk _data = leeds.Data;

    [Fact]
    public void About_seven_thousand_plans_are_in_place_each_for_its_own_child()
    {
        var inPlace = _data.EhcPlans.Where(p => p.CeasedOn is null).ToList();

        Assert.InRange(inPlace.Count, 6_500, 7_500);
        Assert.Equal(inPlace.Count, inPlace.Select(p => p.ChildId).Distinct().Count());
        Assert.Equal(_data.EhcPlans.Count, _data.EhcPlans.Select(p => p.Reference).Distinct().Count());
    }

    [Fact]
    public void About_two_hundred_schools_and_settings_of_every_phase_with_unique_six_digit_urns()
    {
        Assert.InRange(_data.Schools.Count, 190, 210);
        Assert.Equal(_data.Schools.Count, _data.Schools.Select(s => s.Urn).Distinct().Count());
        Assert.All(_data.Schools, s => Assert.Matches("^[0-9]{6}$", s.Urn));
        Assert.All(_data.Schools, s => Assert.StartsWith("LS", s.Postcode, StringComparison.Ordinal));
        foreach (var phase in new[] { SchoolPhase.EarlyYears, SchoolPhase.Primary, SchoolPhase.Secondary, SchoolPhase.Special, SchoolPhase.PostSixteen })
        {
            Assert.Contains(_data.Schools, s => s.Phase == phase);
        }

        Assert.True(_data.Schools.Count(s => s.Phase == SchoolPhase.Primary) > _data.Schools.Count / 2);
    }

    [Fact]
    public void Children_with_plans_span_the_ages_0_to_25_mostly_of_school_age()
    {
        var planChildren = _data.EhcPlans.Where(p => p.CeasedOn is null).Select(p => p.ChildId).ToHashSet();
        var ages = _data.Children.Where(c => planChildren.Contains(c.Id)).Select(c => c.AgeOn(Today)).ToList();

        Assert.InRange(ages.Min(), 0, 4);
        Assert.InRange(ages.Max(), 20, 25);
        Assert.InRange(ages.Count(a => a is >= 5 and <= 15) / (double)ages.Count, 0.6, 0.8);
        Assert.Contains(_data.Children, c => c.IsYoungPersonOn(Today) && c.Email is not null);
    }

    [Fact]
    public void Every_generated_child_has_one_or_two_parents_and_schools_are_real_rows()
    {
        var linksByChild = _data.ChildParents.ToLookup(l => l.ChildId);
        var schoolIds = _data.Schools.Select(s => s.Id).ToHashSet();
        var parentIds = _data.ParentCarers.Select(p => p.Id).ToHashSet();

        Assert.All(_data.Children.Where(c => c.Id != DemoCast.YoungPersonChildId), c => Assert.InRange(linksByChild[c.Id].Count(), 1, 2));
        Assert.All(_data.ChildParents, l => Assert.Contains(l.ParentCarerId, parentIds));
        Assert.All(_data.Children.Where(c => c.SchoolId is not null), c => Assert.Contains(c.SchoolId!.Value, schoolIds));
        Assert.Contains(_data.Children, c => linksByChild[c.Id].Count() == 2);
    }

    [Fact]
    public void More_than_thirty_requests_arrive_a_week_over_two_years()
    {
        var requests = _data.AssessmentCases.Select(c => c.RequestReceivedOn).ToList();
        var weeks = (Today.DayNumber - requests.Min().DayNumber) / 7.0;

        Assert.True(weeks >= 100, $"The requests go back {weeks:F0} weeks.");
        Assert.True(requests.Count / weeks >= 30, $"{requests.Count / weeks:F1} requests a week.");
        Assert.Contains(requests, r => r >= Today.AddDays(-7));
    }

    [Fact]
    public void About_a_quarter_are_refused_and_a_few_are_not_issued_or_withdrawn()
    {
        var cases = _data.AssessmentCases;
        var decided = cases.Count(c => c.DecisionToAssessOn is not null);
        var refused = cases.Count(c => c.Stage == CaseStage.AssessmentRefused);
        var notIssued = cases.Count(c => c.Stage == CaseStage.PlanNotIssued);
        var withdrawn = cases.Count(c => c.Stage == CaseStage.Withdrawn);

        Assert.InRange(refused / (double)decided, 0.2, 0.3);
        Assert.InRange(notIssued / (double)cases.Count, 0.01, 0.08);
        Assert.InRange(withdrawn / (double)cases.Count, 0.005, 0.06);
        Assert.All(cases.Where(c => c.Stage == CaseStage.AssessmentRefused), c => Assert.False(string.IsNullOrWhiteSpace(c.Events.OfType<DecisionToAssess>().Single().Reason)));
    }

    [Fact]
    public void Fewer_than_half_of_plans_are_issued_within_20_weeks_and_some_run_20_weeks_or_more_late()
    {
        var issued = _data.AssessmentCases.Where(c => c.FinalPlanIssuedOn is not null).ToList();
        var within = issued.Count(c => c.FinalPlanIssuedOn!.Value <= c.RequestReceivedOn.AddDays(140));
        var twentyWeeksLate = issued.Count(c => c.FinalPlanIssuedOn!.Value > c.RequestReceivedOn.AddDays(140 + 140));

        Assert.True(issued.Count > 1_000, $"{issued.Count} plans issued.");
        Assert.InRange(within / (double)issued.Count, 0.25, 0.4999);
        Assert.True(twentyWeeksLate > 50, $"{twentyWeeksLate} plans issued 20 or more weeks late.");
        Assert.Equal(issued.Count, _data.EhcPlans.Count(p => p.AssessmentCaseId is not null));
    }

    [Fact]
    public void About_one_case_in_ten_has_an_exception_recorded_with_its_reason()
    {
        var withException = _data.AssessmentCases.Where(c => c.Events.OfType<ExceptionApplied>().Any()).ToList();

        Assert.InRange(withException.Count / (double)_data.AssessmentCases.Count, 0.07, 0.14);
        Assert.Contains(withException, c => c.Events.OfType<ExceptionApplied>().Any(e => e.Kind == ExceptionKind.SchoolClosure));
        Assert.Contains(withException, c => c.Events.OfType<ExceptionApplied>().Any(e => e.Kind == ExceptionKind.ExceptionalPersonalCircumstances));
        Assert.Contains(withException, c => c.Events.OfType<ExceptionEnded>().Any());
        Assert.All(withException.SelectMany(c => c.Events.OfType<ExceptionApplied>()), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));

        // School closures are the summer holiday: advice asked for between early July and late August.
        Assert.All(
            withException.SelectMany(c => c.Events.OfType<ExceptionApplied>()).Where(e => e.Kind == ExceptionKind.SchoolClosure),
            e => Assert.InRange(e.OccurredOn.Month, 7, 8));
    }

    [Fact]
    public void Advice_is_asked_of_each_adviser_and_some_is_still_awaited_past_six_weeks()
    {
        var assessed = _data.AssessmentCases.Where(c => c.Events.OfType<AdviceRequested>().Any()).ToList();
        var awaited = assessed
            .Where(c => !c.IsClosed)
            .SelectMany(c => c.Events.OfType<AdviceRequested>().Where(r => !c.Events.OfType<AdviceReceived>().Any(a => a.AdviceRequestId == r.Id)))
            .ToList();

        // Once past the advice stage, every case had an educational psychologist's advice (SEND Regs 6(1)(b)).
        Assert.All(
            assessed.Where(c => c.Stage is CaseStage.DraftingPlan or CaseStage.DraftPlanIssued or CaseStage.FinalPlanIssued or CaseStage.PlanNotIssued),
            c => Assert.Contains(c.Events.OfType<AdviceRequested>(), r => r.Adviser == AdviserKind.EducationalPsychologist));
        Assert.All(
            assessed.Where(c => c.Stage is CaseStage.FinalPlanIssued),
            c => Assert.Equal(c.Events.OfType<AdviceRequested>().Count(), c.Events.OfType<AdviceReceived>().Count()));
        Assert.Contains(awaited, r => r.DueOn < Today);
        Assert.Contains(awaited, r => r.DueOn >= Today);
    }

    [Fact]
    public void Open_cases_sit_at_every_stage_right_up_to_today()
    {
        var open = _data.AssessmentCases.Where(c => !c.IsClosed).ToList();

        foreach (var stage in new[] { CaseStage.AwaitingDecisionToAssess, CaseStage.Assessing, CaseStage.DraftingPlan, CaseStage.DraftPlanIssued })
        {
            Assert.Contains(open, c => c.Stage == stage);
        }

        Assert.Contains(open, c => c.RequestReceivedOn >= Today.AddDays(-7) && c.CaseworkerId is null);
        Assert.Contains(open, c => c.RequestReceivedOn.AddDays(140 + 140) < Today);
    }

    [Fact]
    public void A_few_dozen_caseworkers_across_area_teams_carry_around_two_hundred_each()
    {
        var caseworkers = _data.StaffMembers.Where(s => s.Role == StaffRole.Caseworker).ToList();
        var load = caseworkers.Select(s =>
            _data.AssessmentCases.Count(c => c.CaseworkerId == s.Id && !c.IsClosed)
            + _data.EhcPlans.Count(p => p.CaseworkerId == s.Id && p.CeasedOn is null)).ToList();

        Assert.InRange(caseworkers.Count, 24, 48);
        Assert.Equal(["East", "North East", "North West", "South", "West"], caseworkers.Select(s => s.Team).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(load.Average(), 150, 300);
        Assert.All(load, l => Assert.True(l > 50, $"A caseworker has only {l} cases and plans."));
        Assert.Contains(_data.StaffMembers, s => s.Role == StaffRole.ServiceManager);
        Assert.Equal(_data.StaffMembers.Count, _data.StaffMembers.Select(s => s.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Annual_reviews_have_history_a_backlog_overdue_and_reviews_coming_up()
    {
        var inPlace = _data.EhcPlans.Where(p => p.CeasedOn is null).ToList();
        var overdue = inPlace.Count(p => p.CurrentReview is { MeetingHeldOn: null } r && r.DueBy < Today);
        var comingUp = inPlace.Count(p => p.CurrentReview is { MeetingHeldOn: null } r && r.DueBy >= Today && r.DueBy <= Today.AddDays(42));
        var reviews = _data.EhcPlans.SelectMany(p => p.Reviews).ToList();

        Assert.InRange(overdue / (double)inPlace.Count, 0.03, 0.25);
        Assert.True(comingUp > 300, $"{comingUp} reviews due in the next six weeks.");
        Assert.True(reviews.Count > 2 * inPlace.Count, $"{reviews.Count} reviews for {inPlace.Count} plans.");
        Assert.Contains(reviews, r => r.Decision == ReviewDecision.Amend && r.FinalAmendedPlanIssuedOn is not null);
        Assert.Contains(reviews, r => r.Decision == ReviewDecision.Maintain);
        Assert.Contains(_data.EhcPlans, p => p.CeasedOn is not null);
    }

    [Fact]
    public void Children_in_a_transfer_year_have_a_phase_transfer_planned()
    {
        var transfers = _data.EhcPlans.Where(p => p.PhaseTransfer is not null).ToList();
        var children = _data.Children.ToDictionary(c => c.Id);

        Assert.Contains(transfers, p => p.PhaseTransfer!.Kind == PhaseTransferKind.School);
        Assert.Contains(transfers, p => p.PhaseTransfer!.Kind == PhaseTransferKind.PostSixteen);
        Assert.All(transfers, p => Assert.Equal(2026, p.PhaseTransfer!.TransferYear));

        // Moving to secondary in September 2026 means born September 2014 to August 2015.
        var toSecondary = transfers.Where(p => p.PhaseTransfer!.Kind == PhaseTransferKind.School && children[p.ChildId].DateOfBirth.Year is 2014 or 2015).ToList();
        Assert.NotEmpty(toSecondary);
        Assert.All(toSecondary, p => Assert.InRange(children[p.ChildId].DateOfBirth, new DateOnly(2014, 9, 1), new DateOnly(2015, 8, 31)));
    }

    [Fact]
    public void Councillors_for_every_ward_and_the_citys_MPs()
    {
        Assert.Equal(99, _data.ElectedMembers.Count(m => m.Kind == ElectedMemberKind.Councillor));
        Assert.Equal(33, _data.ElectedMembers.Where(m => m.Kind == ElectedMemberKind.Councillor).Select(m => m.Area).Distinct().Count());
        Assert.Equal(8, _data.ElectedMembers.Count(m => m.Kind == ElectedMemberKind.MemberOfParliament));
    }
}
