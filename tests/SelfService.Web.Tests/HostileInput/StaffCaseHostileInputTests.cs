using System.Net;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>
/// What the fuzzer found on the staff case page, kept fixed on both stores: a date whose deadlines
/// would run past the bank holidays held (or past the calendar itself), an end date likewise, and
/// a caseworker id not on the list each give an error summary and store nothing.
/// </summary>
public abstract class StaffCaseHostileInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SeededWebAppFactory
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2100-02-28")]
    [InlineData("0001-01-01")]
    public async Task A_decision_dated_beyond_the_bank_holidays_is_an_error_summary_and_stores_nothing(string date)
    {
        var (caseId, reference) = await OpenNewRequestAsync();

        var summary = await ActAsync(reference, "decideAssess", ("Input.Decision", "no"), ("Input.Reason", "Needs are met at school"), ("Input.Date", date));

        Assert.Contains("Enter a date from", summary, StringComparison.Ordinal);
        Assert.Contains("bank holidays held", summary, StringComparison.Ordinal);
        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, stored.Stage);
        Assert.Single(stored.Events);
    }

    [Fact]
    public async Task An_exception_expected_to_end_in_9999_is_an_error_summary_and_stores_nothing()
    {
        var (caseId, reference) = await OpenNewRequestAsync();

        var summary = await ActAsync(reference, "applyException", ("Input.ExceptionKind", "AbsentFromArea"), ("Input.Reason", "Abroad"), ("Input.ExpectedEndDate", "9999-12-31"));

        Assert.Contains("Enter a date from", summary, StringComparison.Ordinal);
        Assert.Single((await factory.LoadCaseAsync(caseId)).Events);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("0dc0ca57-0000-4000-8000-000000000901")]
    public async Task Assigning_someone_not_on_the_caseworker_list_is_an_error_summary_and_stores_nothing(string staffId)
    {
        var (caseId, reference) = await OpenNewRequestAsync();

        var summary = await ActAsync(reference, "assign", ("Input.StaffId", staffId));

        Assert.Contains("Choose a caseworker from the list", summary, StringComparison.Ordinal);
        Assert.Null((await factory.LoadCaseAsync(caseId)).CaseworkerId);
    }

    [Fact]
    public async Task An_offline_request_received_in_year_one_is_refused_beside_the_field_and_stores_nothing()
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var before = await factory.WithStoreAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AssessmentCases));

        using var response = await Forms.PostAsync(staff, "/staff/cases/new", Forms.Fields(
            ("ChildFirstName", "Noor"), ("ChildLastName", "Haddad"), ("DateOfBirth", "0001-01-01"), ("Postcode", "LS8 2QD"),
            ("ParentFirstName", "Rania"), ("ParentLastName", "Haddad"), ("ParentEmail", "rania.year1@example.com"), ("Route", "post"), ("ReceivedOn", "0001-01-02")));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("date of birth", page.QuerySelector("#DateOfBirth-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("date received", page.QuerySelector("#ReceivedOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithStoreAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AssessmentCases)));
    }

    /// <summary>Posts one of the case page's action forms as Daniel Price; it must come back as the page (200) with an error summary, whose text is returned.</summary>
    private async Task<string> ActAsync(string reference, string action, params (string Name, string Value)[] fields)
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var url = $"/staff/cases/{reference}";
        var page = await Html.ParseAsync(await staff.GetAsync(url));

        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(fields), $"form[data-action={action}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? "(no error summary)";
    }

    /// <summary>A new child of Helen Carter's whose request arrived ten days ago.</summary>
    private async Task<(Guid CaseId, string Reference)> OpenNewRequestAsync()
    {
        var reference = $"EHC-2026-{Random.Shared.Next(900000, 999999)}";
        var caseId = Guid.NewGuid();
        var receivedOn = factory.Today().AddDays(-10);
        await factory.WithStoreAsync(async db =>
        {
            var child = new Child(Guid.NewGuid(), "Rosie", "Carter", new DateOnly(2019, 4, 2), "LS7 3AB");
            db.Children.Add(child);
            db.ChildParents.Add(new ChildParent(child.Id, DemoCast.ParentId, ParentRelationship.Mother, hasParentalResponsibility: true));
            await db.SaveChangesAsync();
            await new CaseCommands(db).OpenAsync(caseId, reference, child.Id, new RequestReceived(Guid.NewGuid(), receivedOn, Requester.Parent, null, null), new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow));
            return 0;
        });
        return (caseId, reference);
    }
}

public sealed class SqliteStaffCaseHostileInputTests(SeededWebAppFactory factory) : StaffCaseHostileInputTests<SeededWebAppFactory>(factory);

public sealed class PostgresStaffCaseHostileInputTests(PostgresSeededWebAppFactory factory) : StaffCaseHostileInputTests<PostgresSeededWebAppFactory>(factory);
