using SelfService.Data.Performance;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Performance;

namespace SelfService.Data.Tests.Performance;

/// <summary>Each figure the database computes equals the same figure recomputed from whole cases and plans.</summary>
public abstract class PerformanceQueriesTests<TDatabase>(PerformanceDatabase<TDatabase> database) : IClassFixture<PerformanceDatabase<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly SeededOn = PerformanceDates.SeededOn;
    private static readonly DateOnly EdgeAsOf = PerformanceDates.EdgeAsOf;

    [Theory]
    [MemberData(nameof(PerformanceDates.Views), MemberType = typeof(PerformanceDates))]
    public async Task Every_figure_equals_its_recomputation_from_the_rows(PeriodKind kind, DateOnly periodDate, DateOnly asOf)
    {
        await using var db = database.NewContext();
        var fromSql = await new PerformanceQueries(db).LoadAsync(kind, periodDate, asOf);
        var recomputed = await PerformanceRecomputation.LoadAsync(db, kind, periodDate, asOf);

        Assert.Equal(recomputed.Period, fromSql.Period);
        Assert.Equal(recomputed.Trend, fromSql.Trend);
        Assert.Equal(recomputed.Backlog, fromSql.Backlog);
        Assert.Equal(recomputed.OpenByStage, fromSql.OpenByStage);
        Assert.Equal(recomputed.StageTimes, fromSql.StageTimes);
        Assert.Equal(recomputed.Advice, fromSql.Advice);
    }

    [Fact]
    public async Task The_demo_data_exercises_every_figure()
    {
        await using var db = database.NewContext();
        var figures = await new PerformanceQueries(db).LoadAsync(PeriodKind.Year, SeededOn, SeededOn);

        // Otherwise the comparison above could pass on empty figures.
        Assert.True(figures.Trend.Sum(t => t.Issued) > 20);
        Assert.True(figures.Trend.Sum(t => t.ExceptionCases) > 0);
        Assert.True(figures.Trend.Sum(t => t.Within) > 0);
        Assert.True(figures.Backlog.Sum(b => b.Assessments) > 0);
        Assert.True(figures.Backlog.Sum(b => b.Reviews) > 0);
        Assert.True(figures.OpenByStage.Sum(s => s.Open) > 0);
        Assert.All(figures.StageTimes, s => Assert.True(s.Days.Count > 0));
        Assert.True(figures.Advice.Sum(a => a.Late + a.Outstanding) > 0);
        Assert.True(figures.Advice.Sum(a => a.OnTime) > 0);
    }

    [Fact]
    public async Task Twenty_weeks_counts_the_last_day_and_removes_only_exceptions_that_lift_it()
    {
        await using var db = database.NewContext();
        var year = Assert.Single(await new PerformanceQueries(db).TwentyWeekTrendAsync([ReportingPeriod.Containing(PeriodKind.Year, new DateOnly(2031, 6, 1))]));

        // Five plans: exactly 20 weeks and a missed-appointment case within; 141 days, a school
        // closure, and an exception begun after the deadline not.
        Assert.Equal(5, year.Issued);
        Assert.Equal(2, year.Within);
        Assert.Equal(1, year.ExceptionCases);
        Assert.Equal(40.0m, year.PercentIncludingExceptions);
        Assert.Equal(50.0m, year.PercentExcludingExceptions);
    }

    [Fact]
    public async Task The_backlog_bands_meet_at_4_and_5_weeks_and_at_52_and_53()
    {
        await using var db = database.NewContext();
        var bands = (await new PerformanceQueries(db).BacklogAsync(EdgeAsOf)).ToDictionary(b => b.Band.Key);

        // Every demo case and plan is years behind by 2032, so only the top band holds them.
        Assert.Equal(1, bands["0-4"].Assessments);
        Assert.Equal(1, bands["5-8"].Assessments);
        Assert.Equal(1, bands["27-52"].Assessments);
        Assert.True(bands["53+"].Assessments > 1);
        Assert.Equal(1, bands["0-4"].Reviews);
        Assert.Equal(1, bands["5-8"].Reviews);
        Assert.Equal(1, bands["27-52"].Reviews);
        Assert.Equal(0, bands["9-13"].Assessments + bands["9-13"].Reviews + bands["14-26"].Assessments + bands["14-26"].Reviews);
    }
}

public sealed class SqlitePerformanceQueriesTests(PerformanceDatabase<SqliteTestDatabase> database)
    : PerformanceQueriesTests<SqliteTestDatabase>(database);

public sealed class PostgresPerformanceQueriesTests(PerformanceDatabase<PostgresTestDatabase> database)
    : PerformanceQueriesTests<PostgresTestDatabase>(database);
