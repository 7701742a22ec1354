using SelfService.Domain.Assessments;
using SelfService.Domain.Performance;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Tests.Performance;

public sealed class PerformanceDefinitionTests
{
    private static readonly Recording By = new("caseworker@council.example", new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc));
    private static readonly DateOnly Day0 = new(2026, 1, 5);

    private static AssessmentCase Issued(DateOnly finalOn, params (ExceptionKind Kind, DateOnly On)[] exceptions)
    {
        var c = AssessmentCase.Open(Guid.NewGuid(), "EHC-TEST", Guid.NewGuid(), new RequestReceived(Guid.NewGuid(), Day0, Requester.Parent, null, null), By);
        foreach (var (kind, on) in exceptions)
        {
            c.ApplyException(new ExceptionApplied(Guid.NewGuid(), on, kind, on.AddDays(30), "For the test"), By);
        }

        c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), Day0.AddDays(40), true, null), By);
        c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), Day0.AddDays(100)), By);
        c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), finalOn, null), By);
        return c;
    }

    [Fact]
    public void Twenty_weeks_is_day_0_plus_140_and_the_last_day_counts()
    {
        // CoP worked example: received Monday 5 January 2026, final plan due Monday 25 May 2026.
        Assert.Equal(new DateOnly(2026, 5, 25), TwentyWeekMeasure.DueOn(Day0));
        Assert.True(TwentyWeekMeasure.IsWithinTwentyWeeks(Day0, new DateOnly(2026, 5, 25)));
        Assert.False(TwentyWeekMeasure.IsWithinTwentyWeeks(Day0, new DateOnly(2026, 5, 26)));
    }

    [Theory]
    [InlineData(ExceptionKind.SchoolClosure)]
    [InlineData(ExceptionKind.EarlyYearsClosure)]
    [InlineData(ExceptionKind.ExceptionalPersonalCircumstances)]
    [InlineData(ExceptionKind.AbsentFromArea)]
    [InlineData(ExceptionKind.MissedAppointment)]
    public void The_kinds_that_lift_twenty_weeks_are_the_ones_the_clock_lifts(ExceptionKind kind)
    {
        var c = Issued(Day0.AddDays(160), (kind, Day0.AddDays(20)));

        Assert.Equal(TwentyWeekMeasure.KindsLiftingTwentyWeeks.Contains(kind), TwentyWeekMeasure.IsExceptionCase(c.Events));
        Assert.Equal(c.Timeline(Day0.AddDays(160)).Find(MilestoneKeys.FinalPlan)!.ExceptionApplies, TwentyWeekMeasure.IsExceptionCase(c.Events));
    }

    [Fact]
    public void An_exception_begun_after_the_deadline_does_not_make_an_exception_case()
    {
        Assert.False(TwentyWeekMeasure.IsExceptionCase(Issued(Day0.AddDays(170), (ExceptionKind.AbsentFromArea, Day0.AddDays(141))).Events));
        Assert.True(TwentyWeekMeasure.IsExceptionCase(Issued(Day0.AddDays(170), (ExceptionKind.AbsentFromArea, Day0.AddDays(140))).Events));
    }

    [Fact]
    public void Percentages_leave_out_exception_cases_from_both_sides()
    {
        var month = ReportingPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 5, 1));
        var figures = Assert.Single(TwentyWeekFigures.Count([month],
        [
            (new DateOnly(2026, 5, 10), true, false, 3),
            (new DateOnly(2026, 5, 20), false, false, 1),
            (new DateOnly(2026, 5, 31), false, true, 2),
            (new DateOnly(2026, 5, 31), true, true, 1),
            (new DateOnly(2026, 6, 1), true, false, 9),
        ]));

        Assert.Equal(7, figures.Issued);
        Assert.Equal(4, figures.Within);
        Assert.Equal(3, figures.ExceptionCases);
        Assert.Equal(57.1m, figures.PercentIncludingExceptions);
        Assert.Equal(75.0m, figures.PercentExcludingExceptions);
        Assert.Null(TwentyWeekMeasure.Percent(0, 0));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "0-4")]
    [InlineData(34, "0-4")]
    [InlineData(35, "5-8")]
    [InlineData(62, "5-8")]
    [InlineData(63, "9-13")]
    [InlineData(97, "9-13")]
    [InlineData(98, "14-26")]
    [InlineData(188, "14-26")]
    [InlineData(189, "27-52")]
    [InlineData(370, "27-52")]
    [InlineData(371, "53+")]
    [InlineData(2000, "53+")]
    public void Backlog_bands_count_completed_weeks_overdue(int daysOverdue, string? band) =>
        Assert.Equal(band, OverdueBands.For(daysOverdue)?.Key);

    [Fact]
    public void An_open_assessment_is_behind_from_the_day_after_its_20_weeks()
    {
        var c = AssessmentCase.Open(Guid.NewGuid(), "EHC-TEST", Guid.NewGuid(), new RequestReceived(Guid.NewGuid(), Day0, Requester.Parent, null, null), By);

        Assert.Equal(0, Backlog.AssessmentDaysOverdue(c, Day0.AddDays(140)));
        Assert.Equal(1, Backlog.AssessmentDaysOverdue(c, Day0.AddDays(141)));
        Assert.Equal(35, Backlog.AssessmentDaysOverdue(c, Day0.AddDays(175)));
        Assert.Equal(Backlog.AssessmentDaysOverdue(c, Day0.AddDays(175)), Backlog.AssessmentDaysOverdue(Day0, Day0.AddDays(175)));
        Assert.Equal(0, Backlog.AssessmentDaysOverdue(Issued(Day0.AddDays(200)), Day0.AddDays(300)));
    }

    [Fact]
    public void A_review_is_behind_from_the_anniversary_and_a_29_february_plan_is_due_on_28_february()
    {
        var leap = new EhcPlan(Guid.NewGuid(), "EHCP-TEST", Guid.NewGuid(), null, new DateOnly(2028, 2, 29), null);

        Assert.Equal(0, Backlog.ReviewDaysOverdue(leap, new DateOnly(2029, 2, 28)));
        Assert.Equal(1, Backlog.ReviewDaysOverdue(leap, new DateOnly(2029, 3, 1)));
        Assert.Equal(1, Backlog.ReviewDaysOverdue(new DateOnly(2028, 2, 29), new DateOnly(2029, 3, 1)));

        var reviewed = new EhcPlan(Guid.NewGuid(), "EHCP-TEST", Guid.NewGuid(), null, new DateOnly(2025, 6, 10), null);
        var review = reviewed.StartReview(Guid.NewGuid(), new DateOnly(2026, 6, 9));
        reviewed.Change(review.Id, r => r.RecordMeeting(new DateOnly(2026, 5, 1)));
        Assert.Equal(0, Backlog.ReviewDaysOverdue(reviewed, new DateOnly(2027, 6, 1)));
        reviewed.Change(review.Id, r => r.RecordDecision(ReviewDecision.Maintain, new DateOnly(2026, 5, 20)));
        Assert.Equal(1, Backlog.ReviewDaysOverdue(reviewed, new DateOnly(2027, 5, 1)));
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("2029-03-01")]
    [InlineData("2029-02-28")]
    [InlineData("2028-02-29")]
    [InlineData("2028-03-01")]
    public void The_first_review_period_start_not_overdue_splits_overdue_from_not(string asOfText)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var first = Backlog.FirstReviewPeriodStartNotOverdue(asOf);

        Assert.Equal(0, Backlog.ReviewDaysOverdue(first, asOf));
        Assert.True(Backlog.ReviewDaysOverdue(first.AddDays(-1), asOf) > 0);
    }

    [Fact]
    public void Durations_use_the_nearest_rank()
    {
        var summary = DurationSummary.From([(10, 1), (20, 1), (30, 1), (40, 1), (50, 1), (60, 1), (70, 1), (80, 1), (90, 1), (100, 1)]);

        Assert.Equal(new DurationSummary(10, 50, 90), summary);
        Assert.Equal(new DurationSummary(3, 5, 7), DurationSummary.From([(7, 1), (5, 1), (1, 1)]));
        Assert.Equal(new DurationSummary(0, null, null), DurationSummary.From([]));
        Assert.Equal(new DurationSummary(4, 2, 9), DurationSummary.From([(9, 1), (2, 3)]));
    }

    [Fact]
    public void Stage_times_run_from_each_step_to_the_next()
    {
        var c = Issued(Day0.AddDays(150));

        Assert.Equal(
            [new StageTime(TimedStage.DecidingWhetherToAssess, Day0.AddDays(40), 40), new StageTime(TimedStage.AssessingAndDrafting, Day0.AddDays(100), 60), new StageTime(TimedStage.DraftToFinalPlan, Day0.AddDays(150), 50)],
            StageTimes.For(c.Events));
    }

    [Fact]
    public void Advice_is_on_time_up_to_6_weeks_and_judged_only_once_due()
    {
        var asked = new DateOnly(2026, 3, 2);

        Assert.Equal(AdviceOutcome.OnTime, AdviceTimeliness.Judge(asked, asked.AddDays(42), asked.AddDays(100)));
        Assert.Equal(AdviceOutcome.Late, AdviceTimeliness.Judge(asked, asked.AddDays(43), asked.AddDays(100)));
        Assert.Equal(AdviceOutcome.NotYetDue, AdviceTimeliness.Judge(asked, null, asked.AddDays(42)));
        Assert.Equal(AdviceOutcome.Outstanding, AdviceTimeliness.Judge(asked, null, asked.AddDays(43)));
    }

    [Fact]
    public void Periods_are_calendar_months_quarters_and_years()
    {
        var date = new DateOnly(2026, 11, 22);

        Assert.Equal(new ReportingPeriod(PeriodKind.Quarter, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), ReportingPeriod.Containing(PeriodKind.Quarter, date));
        Assert.Equal("October to December 2026", ReportingPeriod.Containing(PeriodKind.Quarter, date).Label);
        Assert.Equal("Q4 2026", ReportingPeriod.Containing(PeriodKind.Quarter, date).ShortLabel);
        Assert.Equal("November 2026", ReportingPeriod.Containing(PeriodKind.Month, date).Label);
        var months = ReportingPeriod.Trend(PeriodKind.Month, date, 12);
        Assert.Equal(new DateOnly(2025, 12, 1), months[0].Start);
        Assert.Equal(new DateOnly(2026, 11, 30), months[^1].End);
        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.End.AddDays(1), pair.Second.Start));
        Assert.True(ReportingPeriod.TryParseKind(" Year ", out var kind));
        Assert.Equal(PeriodKind.Year, kind);
        Assert.False(ReportingPeriod.TryParseKind("fortnight", out _));
    }
}
