using SelfService.Data.Tests.Infrastructure;
using SelfService.Data.WorkTray;
using SelfService.Domain.Assessments;

namespace SelfService.Data.Tests.WorkTray;

/// <summary>The tray lists open work soonest due first, with each filter and page done by the database.</summary>
public abstract class WorkTrayTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public async Task Cases_come_soonest_due_first_with_the_statutory_due_dates()
    {
        var seeded = await SeedAsync();

        var page = await TrayAsync(new WorkTrayFilter(AssignedStaffId: seeded.CaseworkerId), page: 1, pageSize: 10);

        // New request received 1 Apr: decision due 13 May (overdue). Assessing since 1 Feb: 16-week decision due 24 May.
        // New request received 1 May: due 12 Jun. Excepted request 20 Apr: due 1 Jun.
        Assert.Equal(
            [(seeded.Overdue, new DateOnly(2026, 5, 13)), (seeded.Assessing, new DateOnly(2026, 5, 24)), (seeded.Excepted, new DateOnly(2026, 6, 1)), (seeded.Recent, new DateOnly(2026, 6, 12))],
            page.Items.Select(i => (i.Reference, i.DueOn)));
        Assert.Equal(4, page.Total);
        Assert.Equal(WorkItemKind.Assessment, page.Items[1].Kind);
        Assert.Equal(Rag.Red, page.Items[0].RagOn(Today));
        Assert.Equal(19, page.Items[0].DaysOverdueOn(Today));
        Assert.Equal(Rag.Amber, page.Items[2].RagOn(Today));
        Assert.Equal(Rag.Green, page.Items[3].RagOn(Today));
        Assert.True(page.Items[2].InException);
        Assert.False(page.Items[0].InException);
    }

    [Fact]
    public async Task Filters_by_stage_overdue_exception_and_school()
    {
        var seeded = await SeedAsync();
        var mine = new WorkTrayFilter(AssignedStaffId: seeded.CaseworkerId);

        var assessments = await TrayAsync(mine with { Kinds = new HashSet<WorkItemKind> { WorkItemKind.Assessment } });
        var overdue = await TrayAsync(mine with { OverdueOnly = true });
        var excepted = await TrayAsync(mine with { InException = true });
        var notExcepted = await TrayAsync(mine with { InException = false });
        var otherSchool = await TrayAsync(mine with { SchoolId = Guid.NewGuid() });
        var theirSchool = await TrayAsync(mine with { SchoolId = seeded.SchoolId });

        Assert.Equal([seeded.Assessing], assessments.Items.Select(i => i.Reference));
        Assert.Equal([seeded.Overdue, seeded.Assessing], overdue.Items.Select(i => i.Reference));
        Assert.Equal(2, overdue.Total);
        Assert.Equal([seeded.Excepted], excepted.Items.Select(i => i.Reference));
        Assert.Equal(3, notExcepted.Total);
        Assert.Empty(otherSchool.Items);
        Assert.Equal(4, theirSchool.Total);
    }

    [Fact]
    public async Task Pages_continue_where_the_last_one_ended()
    {
        var seeded = await SeedAsync();
        var mine = new WorkTrayFilter(AssignedStaffId: seeded.CaseworkerId);

        var first = await TrayAsync(mine, page: 1, pageSize: 3);
        var second = await TrayAsync(mine, page: 2, pageSize: 3);

        Assert.Equal([seeded.Overdue, seeded.Assessing, seeded.Excepted], first.Items.Select(i => i.Reference));
        Assert.Equal([seeded.Recent], second.Items.Select(i => i.Reference));
        Assert.Equal(2, second.PageCount);
    }

    [Fact]
    public async Task Closed_cases_are_not_work()
    {
        var seeded = await SeedAsync();
        await using (var db = database.NewContext())
        {
            var caseId = db.AssessmentCases.Single(c => c.Reference == seeded.Recent).Id;
            await new CaseCommands(db).ExecuteAsync(caseId, TestData.Recording(), c => c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), new DateOnly(2026, 5, 20), "Moved away"), TestData.Recording()), "case.withdrawn");
        }

        var page = await TrayAsync(new WorkTrayFilter(AssignedStaffId: seeded.CaseworkerId));

        Assert.DoesNotContain(seeded.Recent, page.Items.Select(i => i.Reference));
        Assert.Equal(3, page.Total);
    }

    private async Task<WorkTrayPage> TrayAsync(WorkTrayFilter filter, int page = 1, int pageSize = 50)
    {
        await using var db = database.NewContext();
        var tray = new WorkTrayQuery([new CaseWorkItemSource(db), new AnnualReviewWorkItemSource(db)]);
        return await tray.PageAsync(filter, Today, page, pageSize, CancellationToken.None);
    }

    private async Task<Seeded> SeedAsync()
    {
        await using var db = database.NewContext();
        var people = await TestData.AddPeopleAsync(db);
        var recent = TestData.OpenCase(people, new DateOnly(2026, 5, 1));
        var overdue = TestData.OpenCase(people, new DateOnly(2026, 4, 1));
        var excepted = TestData.OpenCase(people, new DateOnly(2026, 4, 20));
        excepted.ApplyException(new ExceptionApplied(Guid.NewGuid(), new DateOnly(2026, 5, 1), ExceptionKind.ExceptionalPersonalCircumstances, null, "Family bereavement"), TestData.Recording());
        var assessing = TestData.OpenCase(people, new DateOnly(2026, 2, 1));
        assessing.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), new DateOnly(2026, 3, 1), agreed: true, null), TestData.Recording());
        foreach (var c in new[] { recent, overdue, excepted, assessing })
        {
            c.AssignCaseworker(people.Caseworker.Id);
            db.AssessmentCases.Add(c);
        }

        await db.SaveChangesAsync();
        return new Seeded(people.Caseworker.Id, people.School.Id, recent.Reference, overdue.Reference, excepted.Reference, assessing.Reference);
    }

    private sealed record Seeded(Guid CaseworkerId, Guid SchoolId, string Recent, string Overdue, string Excepted, string Assessing);
}

public sealed class SqliteWorkTrayTests(SqliteTestDatabase database) : WorkTrayTests<SqliteTestDatabase>(database);

public sealed class PostgresWorkTrayTests(PostgresTestDatabase database) : WorkTrayTests<PostgresTestDatabase>(database);
