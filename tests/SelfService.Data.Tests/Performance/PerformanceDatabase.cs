using SelfService.Data.DemoData;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Performance;
using SelfService.Domain.Plans;

namespace SelfService.Data.Tests.Performance;

/// <summary>
/// Test-scale demo data plus hand-made cases on the edges of each definition, placed in 2031-32
/// where no demo case reaches, so their figures can be asserted exactly as well as recomputed.
/// </summary>
public sealed class PerformanceDatabase<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private readonly TDatabase _database = new();

    public CaseStoreDbContext NewContext() => _database.NewContext();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var db = _database.NewContext())
        {
            await DemoDataSeeder.SeedAsync(db, DemoScale.Test, PerformanceDates.SeededOn, seed: 19);
        }

        await using (var db = _database.NewContext())
        {
            await AddEdgeCasesAsync(db);
        }
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private static async Task AddEdgeCasesAsync(CaseStoreDbContext db)
    {
        var people = await TestData.AddPeopleAsync(db);
        var d0 = PerformanceDates.EdgeDay0;

        // Exactly 20 weeks: within.
        db.Add(Issued(people, d0, finalOn: d0.AddDays(140)));

        // One day over: not within.
        db.Add(Issued(people, d0, finalOn: d0.AddDays(141)));

        // A school closure in the 20 weeks: an exception case, and late.
        db.Add(Issued(people, d0, finalOn: d0.AddDays(200), exception: (ExceptionKind.SchoolClosure, d0.AddDays(10))));

        // A missed appointment lifts only the advice deadline: not an exception case for SEN2.
        db.Add(Issued(people, d0, finalOn: d0.AddDays(130), exception: (ExceptionKind.MissedAppointment, d0.AddDays(60))));

        // Exceptional circumstances starting only after the deadline had passed: not an exception case.
        db.Add(Issued(people, d0, finalOn: d0.AddDays(170), exception: (ExceptionKind.ExceptionalPersonalCircumstances, d0.AddDays(150))));

        // Open assessments 34, 35, 370 and 371 days past their 20 weeks: 4, 5, 52 and 53 weeks.
        foreach (var days in new[] { 34, 35, 370, 371 })
        {
            db.Add(TestData.OpenCase(people, PerformanceDates.EdgeAsOf.AddDays(-StatutoryDays - days)));
        }

        // Plans whose review meeting is 34 and 35 days overdue, one issued on 29 February, one
        // whose last review restarted its period, and one with a meeting held awaiting its decision.
        db.Add(new EhcPlan(Guid.NewGuid(), TestData.NewReference("PLAN"), people.Child.Id, null, PerformanceDates.PeriodStartOverdueBy(34), people.School.Id));
        db.Add(new EhcPlan(Guid.NewGuid(), TestData.NewReference("PLAN"), people.Child.Id, null, PerformanceDates.PeriodStartOverdueBy(35), people.School.Id));
        db.Add(new EhcPlan(Guid.NewGuid(), TestData.NewReference("PLAN"), people.Child.Id, null, new DateOnly(2028, 2, 29), people.School.Id));

        var reviewed = new EhcPlan(Guid.NewGuid(), TestData.NewReference("PLAN"), people.Child.Id, null, new DateOnly(2029, 1, 10), people.School.Id);
        var done = reviewed.StartReview(Guid.NewGuid(), new DateOnly(2030, 1, 9));
        reviewed.Change(done.Id, r =>
        {
            r.RecordMeeting(PerformanceDates.PeriodStartOverdueBy(370));
            r.RecordDecision(ReviewDecision.Maintain, PerformanceDates.PeriodStartOverdueBy(370).AddDays(10));
        });
        db.Add(reviewed);

        var deciding = new EhcPlan(Guid.NewGuid(), TestData.NewReference("PLAN"), people.Child.Id, null, new DateOnly(2030, 1, 10), people.School.Id);
        var current = deciding.StartReview(Guid.NewGuid(), new DateOnly(2031, 1, 9));
        deciding.Change(current.Id, r => r.RecordMeeting(new DateOnly(2031, 1, 5)));
        db.Add(deciding);

        await db.SaveChangesAsync();
    }

    private const int StatutoryDays = 140;

    private static AssessmentCase Issued(TestPeople people, DateOnly d0, DateOnly finalOn, (ExceptionKind Kind, DateOnly On)? exception = null)
    {
        var r = TestData.Recording();
        var c = TestData.OpenCase(people, d0);
        c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), d0.AddDays(40), agreed: true, reason: null), r);
        var advice = new AdviceRequested(Guid.NewGuid(), d0.AddDays(41), AdviserKind.Health, "Community paediatrics");
        c.RequestAdvice(advice, r);
        c.RecordAdviceReceived(new AdviceReceived(Guid.NewGuid(), d0.AddDays(41 + 42), advice.Id), r);
        if (exception is { } e)
        {
            c.ApplyException(new ExceptionApplied(Guid.NewGuid(), e.On, e.Kind, e.On.AddDays(35), "Recorded for the test"), r);
        }

        var draftOn = finalOn.AddDays(-20) > d0.AddDays(100) ? finalOn.AddDays(-20) : d0.AddDays(100);
        c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), draftOn), r);
        c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), finalOn, people.School.Id), r);
        return c;
    }
}

/// <summary>The dates the performance fixture is built around.</summary>
public static class PerformanceDates
{
    /// <summary>The demo data's today.</summary>
    public static readonly DateOnly SeededOn = new(2026, 11, 20);

    /// <summary>Day 0 of the edge cases that end in a plan: a Monday.</summary>
    public static readonly DateOnly EdgeDay0 = new(2031, 1, 6);

    /// <summary>The date the edge backlog is judged on.</summary>
    public static readonly DateOnly EdgeAsOf = new(2032, 6, 30);

    /// <summary>A period start whose review meeting falls <paramref name="days"/> days overdue on <see cref="EdgeAsOf"/>.</summary>
    public static DateOnly PeriodStartOverdueBy(int days)
    {
        var start = EdgeAsOf.AddYears(-1).AddDays(-days);
        while (Backlog.ReviewDaysOverdue(start, EdgeAsOf) < days)
        {
            start = start.AddDays(-1);
        }

        while (Backlog.ReviewDaysOverdue(start, EdgeAsOf) > days)
        {
            start = start.AddDays(1);
        }

        return start;
    }

    /// <summary>Periods and as-of dates to compare on: now, the past, and the edge cases' years.</summary>
    public static TheoryData<PeriodKind, DateOnly, DateOnly> Views => new()
    {
        { PeriodKind.Month, SeededOn, SeededOn },
        { PeriodKind.Month, SeededOn.AddMonths(-7), SeededOn },
        { PeriodKind.Quarter, SeededOn, SeededOn },
        { PeriodKind.Quarter, SeededOn.AddMonths(-3), SeededOn.AddDays(-40) },
        { PeriodKind.Year, SeededOn, SeededOn },
        { PeriodKind.Year, new DateOnly(2031, 12, 31), EdgeAsOf },
        { PeriodKind.Month, new DateOnly(2031, 5, 26), new DateOnly(2031, 5, 26) },
    };
}
