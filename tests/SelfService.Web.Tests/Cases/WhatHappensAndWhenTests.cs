using System.Net;
using SelfService.Domain.Timeline;
using SelfService.Web.Pages.Cases;

namespace SelfService.Web.Tests.Cases;

/// <summary>The public date calculator page: a GET form that works without JavaScript or signing in.</summary>
public sealed class WhatHappensAndWhenTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_empty_form_is_a_GOV_UK_date_input()
    {
        var doc = await Html.ParseAsync(await _client.GetAsync("/what-happens-and-when"));

        Assert.Equal("get", doc.QuerySelector("form")?.GetAttribute("method"));
        Assert.Equal(3, doc.QuerySelectorAll(".govuk-date-input .govuk-date-input__input").Length);
        Assert.Null(doc.QuerySelector("#statutory-dates"));
        Assert.Null(doc.QuerySelector(".govuk-error-summary"));
    }

    [Fact]
    public async Task A_date_shows_the_6_16_and_20_week_deadlines_from_the_clock()
    {
        var received = new DateOnly(2026, 1, 5);

        using var response = await _client.GetAsync("/what-happens-and-when?received-day=5&received-month=1&received-year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var keys = doc.QuerySelectorAll("#statutory-dates .govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                $"Within 6 weeks: by {CaseText.LongDate(received.AddDays(StatutoryClock.DecisionToAssessDays))}",
                $"Within 16 weeks: by {CaseText.LongDate(received.AddDays(StatutoryClock.DecisionToIssueDays))}",
                $"Within 20 weeks: by {CaseText.LongDate(received.AddDays(StatutoryClock.FinalPlanDays))}",
            ],
            keys);
        // The worked example in the statutory timeline reference.
        Assert.Equal("Within 20 weeks: by Monday 25 May 2026", keys[2]);
        Assert.Equal("5", doc.QuerySelector("#received-day")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("received-day=&received-month=&received-year=", "Enter the date the council received the request", "received-day")]
    [InlineData("received-day=5&received-month=&received-year=2026", "must include a month", "received-month")]
    [InlineData("received-day=31&received-month=2&received-year=2026", "must be a real date", "received-day")]
    [InlineData("received-day=x&received-month=1&received-year=2026", "must be a real date", "received-day")]
    [InlineData("received-day=1&received-month=1&received-year=26", "must be a real date", "received-day")]
    [InlineData("received-day=1&received-month=1&received-year=2001", "between 1 September 2014", "received-day")]
    public async Task A_bad_date_gets_an_error_summary_not_a_server_error(string query, string message, string firstField)
    {
        using var response = await _client.GetAsync($"/what-happens-and-when?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
        var link = doc.QuerySelector(".govuk-error-summary__list a");
        Assert.Contains(message, link?.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#{firstField}", link?.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("#received-error.govuk-error-message"));
        Assert.Null(doc.QuerySelector("#statutory-dates"));
    }
}
