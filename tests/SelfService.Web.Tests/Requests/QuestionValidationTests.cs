using System.Net;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Requests;

/// <summary>Every question refuses a wrong answer the GOV.UK way: error summary linked to the field, inline error, "Error: " title.</summary>
public sealed class QuestionValidationTests(RequestsWebAppFactory factory) : IClassFixture<RequestsWebAppFactory>
{
    public static TheoryData<string, string[], string, string> Cases => new()
    {
        { "who-is-asking", [], "Requester", "Select who is asking" },
        { "who-is-asking", ["Requester=SchoolWithParentalConsent"], "Requester", "only ask as a school" },
        { "child", ["FirstName="], "FirstName", "Enter a first name" },
        { "child", ["FirstName=Ann3", "LastName=Lee", "DateOfBirth.Day=1", "DateOfBirth.Month=2", "DateOfBirth.Year=2019", "Postcode=LS1 1UR"], "FirstName", "must only include letters" },
        { "child", ["FirstName=Ann", "LastName=Lee", "DateOfBirth.Day=31", "DateOfBirth.Month=2", "DateOfBirth.Year=2019", "Postcode=LS1 1UR"], "DateOfBirth-Day", "must be a real date" },
        { "child", ["FirstName=Ann", "LastName=Lee", "DateOfBirth.Day=1", "DateOfBirth.Month=2", "DateOfBirth.Year=2099", "Postcode=LS1 1UR"], "DateOfBirth-Day", "must be in the past" },
        { "child", ["FirstName=Ann", "LastName=Lee", "DateOfBirth.Day=1", "DateOfBirth.Month=2", "DateOfBirth.Year=1990", "Postcode=LS1 1UR"], "DateOfBirth-Day", "aged 25 or under" },
        { "child", ["FirstName=Ann", "LastName=Lee", "DateOfBirth.Day=1", "DateOfBirth.Month=2", "DateOfBirth.Year=2019", "Postcode=NOT A CODE"], "Postcode", "Enter a real postcode" },
        { "parents", ["Action=save"], "Parents-0-FirstName", "Enter a first name" },
        { "parents", ["Parents[0].FirstName=Jo", "Parents[0].LastName=Lee", "Parents[0].Relationship=Mother", "Parents[1].FirstName=Sam", "Parents[1].LastName=Lee", "Parents[1].Relationship=Father", "Parents[1].Email=not-an-email", "Action=save"], "Parents-1-Email", "correct format" },
        { "school", [], "Attends", "Select yes if" },
        { "school", ["Attends=yes", "SchoolName=Park School", "Urn=12"], "Urn", "6 or 7 numbers" },
        { "needs", [], "Areas", "Select at least one area" },
        { "support-history", ["HadSenSupport=yes", "Cycles=lots"], "Cycles", "whole number" },
        { "views", [], "ChildViews", "Enter the child or young person's views" },
        { "professionals", ["Professionals[0].Name=Dr Lee", "Action=save"], "Professionals-0-Role", "Enter the professional's role" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_answer_shows_the_error_summary_the_inline_error_and_an_error_title(string page, string[] fields, string fieldId, string message)
    {
        var journey = await RequestJourney.SignInAsync(factory, $"validation.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        if (page != "who-is-asking")
        {
            await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));
            await journey.AnswerAsync(draftId, "child", RequestJourney.ChildFields("Ann", "Lee", null, journey.Today.AddYears(-6), "LS1 1UR"));
        }

        var before = await journey.GetPageAsync($"/requests/{draftId}/{page}");
        Assert.DoesNotContain("Error: ", before.Title, StringComparison.Ordinal);

        var parsedFields = fields.Select(f => f.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();
        var result = await journey.AnswerWrongAsync(draftId, page, parsedFields);
        Assert.StartsWith("Error: ", result.Title, StringComparison.Ordinal);
        var link = result.QuerySelectorAll(".govuk-error-summary__list a").FirstOrDefault(a => a.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.True(link is not null, $"No error containing '{message}' in: {result.QuerySelector(".govuk-error-summary")?.TextContent}");
        Assert.Equal("#" + fieldId, link.GetAttribute("href"));
        Assert.NotNull(result.GetElementById(fieldId));
        var inline = result.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent).ToList();
        Assert.Contains(inline, t => t.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_title_is_different()
    {
        var journey = await RequestJourney.SignInAsync(factory, $"titles.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.FillAsParentAsync(draftId);
        await journey.FinishDocumentsAsync(draftId);
        var titles = new List<string>();
        foreach (var page in new[] { "", "/who-is-asking", "/child", "/parents", "/school", "/needs", "/support-history", "/views", "/professionals", "/documents", "/check-answers", "/declaration" })
        {
            titles.Add((await journey.GetPageAsync($"/requests/{draftId}{page}")).Title!);
        }

        titles.Add((await journey.GetPageAsync("/requests")).Title!);
        titles.Add((await journey.GetPageAsync("/requests/new")).Title!);
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task The_declaration_must_be_confirmed()
    {
        var journey = await RequestJourney.SignInAsync(factory, $"declare.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.FillAsParentAsync(draftId);
        await journey.FinishDocumentsAsync(draftId);
        var result = await journey.AnswerWrongAsync(draftId, "declaration");
        Assert.StartsWith("Error: ", result.Title, StringComparison.Ordinal);
        Assert.Equal("#Confirmed", result.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        using var confirmation = await journey.Client.GetAsync($"/requests/{draftId}/confirmation");
        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
    }
}
