using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Data.Tests.Infrastructure;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Tests.Cases;

/// <summary>Reading cases for a viewer: the policy applied, lists filtered in the database, every view audited.</summary>
public abstract class CaseReaderTests<TDatabase>(DemoSeededDatabase<TDatabase> database) : IClassFixture<DemoSeededDatabase<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly Today = DemoSeededDatabase<TDatabase>.SeededOn;

    private static readonly Viewer Helen = Account(DemoCast.ParentEmail) with { ParentCarerId = DemoCast.ParentId, ChildrenInCare = new HashSet<Guid> { DemoCast.SamChildId, DemoCast.MaisieChildId } };
    private static readonly Viewer Kerry = Account(DemoCast.LeoParentEmail) with { ParentCarerId = DemoCast.LeoParentId, ChildrenInCare = new HashSet<Guid> { DemoCast.LeoChildId } };
    private static readonly Viewer Nadia = Account(DemoCast.RubyParentEmail) with { ParentCarerId = DemoCast.RubyParentId, ChildrenInCare = new HashSet<Guid> { DemoCast.RubyChildId } };
    private static readonly Viewer Aisha = Account(DemoCast.SencoEmail) with { SchoolIds = new HashSet<Guid> { DemoCast.PrimarySchoolId } };
    private static readonly Viewer SharedMailbox = Account(DemoCast.SharedSencoMailboxEmail) with { SchoolIds = new HashSet<Guid> { DemoCast.SecondarySchoolId } };
    private static readonly Viewer Jordan = Account(DemoCast.YoungPersonEmail) with { YoungPersonChildId = DemoCast.YoungPersonChildId };
    private static readonly Viewer Councillor = Account(DemoCast.CouncillorEmail) with { ElectedMemberId = DemoCast.CouncillorId };
    private static readonly Viewer Daniel = Account(DemoCast.CaseworkerEmail) with { StaffMemberId = DemoCast.CaseworkerId, StaffRole = StaffRole.Caseworker };

    private static readonly string SamReference = DemoCast.SamCaseReference(Today);
    private static readonly string RubyReference = DemoCast.CaseReference(Today.AddDays(-160), DemoCast.RubyCaseNumber);
    private static readonly string LeoReference = DemoCast.CaseReference(Today.AddDays(-20), DemoCast.LeoCaseNumber);
    private static readonly string JordanReference = DemoCast.CaseReference(Today.AddDays(-24), DemoCast.YoungPersonCaseNumber);

    private static Viewer Account(string email) => new() { AccountId = Guid.NewGuid(), Email = email };

    private static CaseReader Reader(CaseStoreDbContext db) => new(db, TimeProvider.System);

    [Fact]
    public async Task A_parent_reads_their_child_s_case_and_the_view_is_audited()
    {
        await using var db = database.NewContext();
        var before = await CountViewsAsync(db, DemoCast.SamCaseId, DemoCast.ParentEmail);

        var record = await Reader(db).FindForViewerAsync(SamReference.ToLowerInvariant() + " ", Helen, "test");

        Assert.NotNull(record);
        Assert.Equal(DemoCast.SamCaseId, record.Case.Id);
        Assert.Equal(CaseAccessBasis.ParentCarer, record.Access.Basis);
        Assert.Equal(DemoCast.CaseworkerName, record.Caseworker?.Name);
        Assert.Equal(DemoCast.PrimarySchoolName, record.School(record.Child.SchoolId)?.Name);
        Assert.Equal(before + 1, await CountViewsAsync(db, DemoCast.SamCaseId, DemoCast.ParentEmail));
        var audit = await db.AuditEntries.Where(a => a.CaseId == DemoCast.SamCaseId && a.Action == CaseReader.CaseViewedAction).OrderBy(a => a.Id).LastAsync();
        Assert.Equal("test; as ParentCarer", audit.Detail);
    }

    [Fact]
    public async Task Not_entitled_and_unknown_both_read_as_nothing_and_write_no_view()
    {
        await using var db = database.NewContext();
        var reader = Reader(db);
        var viewsBefore = await db.AuditEntries.CountAsync(a => a.Action == CaseReader.CaseViewedAction);

        foreach (var viewer in new[] { Kerry, Councillor, Viewer.Anonymous, SharedMailbox, Account("nobody@example.com") })
        {
            Assert.Null(await reader.FindForViewerAsync(SamReference, viewer, "test"));
        }

        Assert.Null(await reader.FindForViewerAsync("EHC-1999-99999", Daniel, "test"));
        Assert.Null(await reader.FindForViewerAsync(new string('X', 500), Daniel, "test"));
        Assert.Null(await reader.FindPlanForViewerAsync(DemoCast.MaisiePlanReference, Kerry, "test"));
        Assert.Null(await reader.FindPlanForViewerAsync(DemoCast.MaisiePlanReference, Councillor, "test"));
        Assert.Equal(viewsBefore, await db.AuditEntries.CountAsync(a => a.Action == CaseReader.CaseViewedAction));
    }

    [Fact]
    public async Task Staff_read_any_case_and_are_audited_as_staff()
    {
        await using var db = database.NewContext();

        var record = await Reader(db).FindForViewerAsync(RubyReference, Daniel, "test");

        Assert.Equal(CaseAccessBasis.Staff, record?.Access.Basis);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.CaseId == DemoCast.RubyCaseId && a.Actor == DemoCast.CaseworkerEmail && a.Action == CaseReader.CaseViewedAction));
    }

    [Fact]
    public async Task A_parent_s_list_holds_their_children_s_requests_and_plans_with_the_clock_s_dates()
    {
        await using var db = database.NewContext();

        var list = await Reader(db).ListForViewerAsync(Helen, Today, "test");

        var sam = Assert.Single(list.Cases);
        Assert.Equal(SamReference, sam.Reference);
        Assert.Equal("Sam Carter", sam.ChildName);
        var samCase = await db.AssessmentCases.WithEvents().SingleAsync(c => c.Id == DemoCast.SamCaseId);
        Assert.Equal(samCase.Timeline(Today), sam.Timeline, TimelineComparer.Instance);
        Assert.Equal(Today.AddDays(12), sam.Timeline.Find(MilestoneKeys.DecisionToIssue)?.Due);

        var maisie = Assert.Single(list.Plans);
        Assert.Equal(DemoCast.MaisiePlanReference, maisie.Reference);
        Assert.Equal(Today.AddDays(DemoCast.MaisieReviewDueInDays), maisie.NextReviewDueOn);
        Assert.NotNull(maisie.Timeline.Find(MilestoneKeys.PhaseTransferDeadline));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == CaseReader.ListedAction && a.Actor == DemoCast.ParentEmail));
    }

    [Fact]
    public async Task A_senco_s_list_holds_their_school_s_requests_and_pupils_only()
    {
        await using var db = database.NewContext();
        var reader = Reader(db);

        var aisha = await reader.ListForViewerAsync(Aisha, Today, "test");
        var mailbox = await reader.ListForViewerAsync(SharedMailbox, Today, "test");

        // Every case in the primary's list is requested by it or about one of its pupils, and none is the secondary's.
        var primaryPupils = await db.Children.Where(c => c.SchoolId == DemoCast.PrimarySchoolId).Select(c => c.Id).ToListAsync();
        var primaryRequested = await db.AssessmentCases.Where(c => c.RequestingSchoolId == DemoCast.PrimarySchoolId).Select(c => c.Reference).ToListAsync();
        var expected = await db.AssessmentCases.Where(c => primaryPupils.Contains(c.ChildId)).Select(c => c.Reference).ToListAsync();
        Assert.Equal(expected.Union(primaryRequested).Order(StringComparer.Ordinal), aisha.Cases.Select(c => c.Reference).Order(StringComparer.Ordinal));
        Assert.Contains(SamReference, aisha.Cases.Select(c => c.Reference));
        Assert.Contains(LeoReference, aisha.Cases.Select(c => c.Reference));
        Assert.DoesNotContain(RubyReference, aisha.Cases.Select(c => c.Reference));
        Assert.All(aisha.Cases, c => Assert.Equal(CaseAccessBasis.School, c.Basis));
        Assert.Contains(DemoCast.MaisiePlanReference, aisha.Plans.Select(p => p.Reference));

        Assert.Contains(RubyReference, mailbox.Cases.Select(c => c.Reference));
        Assert.DoesNotContain(SamReference, mailbox.Cases.Select(c => c.Reference));
        Assert.DoesNotContain(DemoCast.MaisiePlanReference, mailbox.Plans.Select(p => p.Reference));
    }

    [Fact]
    public async Task A_young_person_sees_their_own_request_and_councillors_and_staff_have_no_list()
    {
        await using var db = database.NewContext();
        var reader = Reader(db);

        Assert.Equal([JordanReference], (await reader.ListForViewerAsync(Jordan, Today, "test")).Cases.Select(c => c.Reference));
        Assert.Empty((await reader.ListForViewerAsync(Councillor, Today, "test")).Cases);
        Assert.Empty((await reader.ListForViewerAsync(Daniel, Today, "test")).Cases);
        Assert.Empty((await reader.ListForViewerAsync(Viewer.Anonymous, Today, "test")).Cases);
    }

    [Fact]
    public async Task A_parent_reads_the_plan_and_its_reviews()
    {
        await using var db = database.NewContext();

        var plan = await Reader(db).FindPlanForViewerAsync(DemoCast.MaisiePlanReference.ToLowerInvariant(), Helen, "test");

        Assert.NotNull(plan);
        Assert.Equal(3, plan.Plan.Reviews.Count);
        Assert.Equal(DemoCast.PrimarySchoolName, plan.NamedSchool?.Name);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == CaseReader.PlanViewedAction && a.EntityId == DemoCast.MaisiePlanId.ToString()));
    }

    private static Task<int> CountViewsAsync(CaseStoreDbContext db, Guid caseId, string actor) =>
        db.AuditEntries.CountAsync(a => a.CaseId == caseId && a.Actor == actor && a.Action == CaseReader.CaseViewedAction);
}

/// <summary>Timelines are records holding lists, so compare what they say, not the list instances.</summary>
internal sealed class TimelineComparer : IEqualityComparer<AssessmentTimeline>
{
    public static readonly TimelineComparer Instance = new();

    public bool Equals(AssessmentTimeline? x, AssessmentTimeline? y) =>
        x is not null && y is not null && x.Milestones.SequenceEqual(y.Milestones) && x.Within20Weeks == y.Within20Weeks && x.NextStep == y.NextStep;

    public int GetHashCode(AssessmentTimeline obj) => obj.NextStep.GetHashCode(StringComparison.Ordinal);
}

public sealed class SqliteCaseReaderTests(DemoSeededDatabase<SqliteTestDatabase> database) : CaseReaderTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseReaderTests(DemoSeededDatabase<PostgresTestDatabase> database) : CaseReaderTests<PostgresTestDatabase>(database);
