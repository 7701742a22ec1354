using SelfService.Data.DemoData;

namespace SelfService.Data.Tests.DemoData;

public sealed class DemoDataGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void The_same_seed_and_date_give_identical_data()
    {
        var first = DemoDataFingerprint.Of(new DemoDataGenerator(DemoScale.Test, Today, 7).Generate());
        var second = DemoDataFingerprint.Of(new DemoDataGenerator(DemoScale.Test, Today, 7).Generate());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Enumerating_one_generator_twice_gives_identical_data()
    {
        var generator = new DemoDataGenerator(DemoScale.Test, Today, 7);

        Assert.Equal(DemoDataFingerprint.Of(generator.Generate()), DemoDataFingerprint.Of(generator.Generate()));
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        var first = new DemoDataGenerator(DemoScale.Test, Today, 7).Generate().Single();
        var second = new DemoDataGenerator(DemoScale.Test, Today, 8).Generate().Single();

        Assert.NotEqual(DemoDataFingerprint.Of([first]), DemoDataFingerprint.Of([second]));
        Assert.NotEqual(first.Children.Select(c => c.Id), second.Children.Select(c => c.Id));
    }

    [Fact]
    public void A_different_date_moves_the_data_with_it()
    {
        var later = Today.AddDays(30);
        var data = new DemoDataGenerator(DemoScale.Test, later, 7).Generate().Single();

        Assert.NotEqual(
            DemoDataFingerprint.Of(new DemoDataGenerator(DemoScale.Test, Today, 7).Generate()),
            DemoDataFingerprint.Of([data]));
        Assert.All(data.AssessmentCases, c => Assert.True(c.Events.Max(e => e.OccurredOn) <= later));
        Assert.Contains(data.AssessmentCases, c => c.RequestReceivedOn > Today);
    }

    [Fact]
    public void Nothing_is_dated_after_today()
    {
        var data = new DemoDataGenerator(DemoScale.Test, Today, 3).Generate().Single();

        Assert.All(data.AssessmentCases.SelectMany(c => c.Events), e => Assert.True(e.OccurredOn <= Today, $"{e.GetType().Name} on {e.OccurredOn}"));
        Assert.All(data.EhcPlans, p => Assert.True(p.IssuedOn <= Today));
        Assert.All(
            data.EhcPlans.SelectMany(p => p.Reviews),
            r => Assert.True((r.MeetingHeldOn ?? Today) <= Today && (r.DecisionNotifiedOn ?? Today) <= Today && (r.FinalAmendedPlanIssuedOn ?? Today) <= Today));
    }

    [Fact]
    public void Generated_cases_and_reviews_are_recorded_on_weekdays()
    {
        var data = new DemoDataGenerator(DemoScale.Test, Today, 3).Generate().Single();
        var castCases = new[] { DemoCast.SamCaseId, DemoCast.YoungPersonCaseId, DemoCast.LeoCaseId, DemoCast.RubyCaseId };
        var dates = data.AssessmentCases.Where(c => !castCases.Contains(c.Id)).SelectMany(c => c.Events).Select(e => e.OccurredOn)
            .Concat(data.EhcPlans.Where(p => p.Id != DemoCast.MaisiePlanId).SelectMany(p => p.Reviews).Select(r => r.MeetingHeldOn ?? Today))
            .Concat(data.EhcPlans.Where(p => p.Id != DemoCast.MaisiePlanId).Select(p => p.IssuedOn))
            .ToList();

        Assert.True(dates.Count > 1_000);
        Assert.DoesNotContain(dates, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Case_histories_are_numbered_in_order_and_every_closed_case_has_a_closing_date()
    {
        var data = new DemoDataGenerator(DemoScale.Test, Today, 3).Generate().Single();

        Assert.All(data.AssessmentCases, c =>
        {
            Assert.Equal(Enumerable.Range(1, c.Events.Count), c.Events.Select(e => e.Sequence));
            Assert.All(c.Events, e => Assert.Equal(c.Id, e.CaseId));
            Assert.Equal(c.IsClosed, c.ClosedOn is not null);
        });
    }

    [Fact]
    public void Every_plan_in_place_has_a_review_under_way_and_review_periods_follow_the_last_meeting()
    {
        var data = new DemoDataGenerator(DemoScale.Test, Today, 3).Generate().Single();

        foreach (var plan in data.EhcPlans.Where(p => p.CeasedOn is null))
        {
            Assert.NotNull(plan.CurrentReview);
            var reviews = plan.Reviews;
            for (var i = 1; i < reviews.Count; i++)
            {
                // CFA s44(1): the next period starts with the last meeting, so it ends the day before its anniversary.
                Assert.Equal(reviews[i - 1].MeetingHeldOn!.Value.AddYears(1).AddDays(-1), reviews[i].DueBy);
            }
        }
    }

    [Fact]
    public void The_national_scale_starts_with_Leeds_and_streams_further_authorities_with_unique_identifiers()
    {
        var leeds = new DemoDataGenerator(DemoScale.Leeds, Today, 11).Generate().Single();
        var national = new DemoDataGenerator(DemoScale.National, Today, 11);
        var firstTwo = national.Generate().Take(2).ToList();

        Assert.Equal(92, national.AuthorityCount);
        Assert.Equal(DemoDataFingerprint.Of([leeds]), DemoDataFingerprint.Of([firstTwo[0]]));
        Assert.Equal("Bradford", firstTwo[1].AuthorityName);
        Assert.InRange(firstTwo[1].Summarise().PlansInPlace, 6_500, 7_500);

        var schools = firstTwo.SelectMany(c => c.Schools).ToList();
        Assert.Equal(schools.Count, schools.Select(s => s.Urn).Distinct().Count());
        var cases = firstTwo.SelectMany(c => c.AssessmentCases).ToList();
        Assert.Equal(cases.Count, cases.Select(c => c.Reference).Distinct().Count());
        var plans = firstTwo.SelectMany(c => c.EhcPlans).ToList();
        Assert.Equal(plans.Count, plans.Select(p => p.Reference).Distinct().Count());
        var staff = firstTwo.SelectMany(c => c.StaffMembers).ToList();
        Assert.Equal(staff.Count, staff.Select(s => s.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(0, firstTwo[1].Children.Count(c => c.Id == DemoCast.SamChildId));
    }
}
