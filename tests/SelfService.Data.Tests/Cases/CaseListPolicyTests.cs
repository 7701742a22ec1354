using Microsoft.EntityFrameworkCore;
using SelfService.Data.Access;
using SelfService.Data.Cases;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Access;

namespace SelfService.Data.Tests.Cases;

/// <summary>
/// The lists are filtered in SQL for speed; this checks, for every school and sixty parents in the
/// demo authority, that the SQL filter lets through exactly what the policy allows case by case.
/// </summary>
public abstract class CaseListPolicyTests<TDatabase>(DemoSeededDatabase<TDatabase> database) : IClassFixture<DemoSeededDatabase<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly Today = DemoSeededDatabase<TDatabase>.SeededOn;

    [Fact]
    public async Task Every_school_s_and_each_parent_s_list_is_exactly_what_the_policy_allows()
    {
        await using var db = database.NewContext();
        var cases = await db.AssessmentCases.AsNoTracking().ToListAsync();
        var plans = await db.EhcPlans.AsNoTracking().Where(p => p.CeasedOn == null).ToListAsync();
        var children = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var parents = await db.ResponsibleParentsAsync([.. children.Keys]);
        var requesters = cases.ToDictionary(c => c.Id, c => c.Requester);

        var viewers = (await db.Schools.Select(s => s.Id).ToListAsync())
            .Select(id => new Viewer { AccountId = Guid.NewGuid(), Email = "school@example.com", SchoolIds = new HashSet<Guid> { id } })
            .Concat((await db.ParentCarers.OrderBy(p => p.Id).Select(p => p.Id).Take(60).ToListAsync())
                .Select(id => new Viewer { AccountId = Guid.NewGuid(), Email = "parent@example.com", ParentCarerId = id }))
            .ToList();
        Assert.True(viewers.Count > 50, $"expected a demo authority's schools and parents, got {viewers.Count}");

        var reader = new CaseReader(db, TimeProvider.System);
        var nonEmpty = 0;
        foreach (var viewer in viewers)
        {
            var list = await reader.ListForViewerAsync(viewer, Today, "test");

            var expectedCases = cases
                .Where(c => CaseAccessPolicy.CanView(viewer, CaseAccessFactsQueries.ForCase(c, children[c.ChildId], parents[c.ChildId])))
                .Select(c => c.Reference);
            var expectedPlans = plans
                .Where(p => CaseAccessPolicy.CanView(viewer, CaseAccessFactsQueries.ForPlan(
                    p, children[p.ChildId], parents[p.ChildId], p.AssessmentCaseId is { } id && requesters.TryGetValue(id, out var r) ? r : null)))
                .Select(p => p.Reference);
            Assert.Equal(expectedCases.Order(StringComparer.Ordinal), list.Cases.Select(c => c.Reference).Order(StringComparer.Ordinal));
            Assert.Equal(expectedPlans.Order(StringComparer.Ordinal), list.Plans.Select(p => p.Reference).Order(StringComparer.Ordinal));
            nonEmpty += list.Cases.Count + list.Plans.Count > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > viewers.Count / 4, $"only {nonEmpty} of {viewers.Count} lists had anything in them");
    }
}

public sealed class SqliteCaseListPolicyTests(DemoSeededDatabase<SqliteTestDatabase> database) : CaseListPolicyTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseListPolicyTests(DemoSeededDatabase<PostgresTestDatabase> database) : CaseListPolicyTests<PostgresTestDatabase>(database);
