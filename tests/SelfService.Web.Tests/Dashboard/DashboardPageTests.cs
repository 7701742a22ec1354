using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Domain.Performance;
using SelfService.Web.Pages.Staff.Dashboard;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Dashboard;

/// <summary>The performance dashboard through HTTP: the figures, their charts and tables, their CSV files, who may see them, and bad input.</summary>
public sealed class DashboardPageTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    private async Task<DashboardData> DataAsync(PeriodKind kind, DateOnly date)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        return await DashboardData.LoadAsync(db, kind, date, factory.Today());
    }

    private static List<IReadOnlyList<string>> TableRows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(tr => (IReadOnlyList<string>)tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    [Theory]
    [InlineData(DemoCast.ServiceManagerEmail)]
    [InlineData(DemoCast.CaseworkerEmail)]
    public async Task Managers_and_caseworkers_see_every_figure_as_a_chart_with_its_table(string email)
    {
        var client = await factory.ClientForAsync(email);

        using var response = await client.GetAsync("/staff/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var data = await DataAsync(PeriodKind.Month, factory.Today());
        var figures = data.Figures;
        var expected = DashboardView.Build(data, new EnglandFigure());
        Assert.Equal(DashboardView.FigureKeys, expected.Select(f => f.Table.Key));
        foreach (var figure in expected)
        {
            var section = page.QuerySelector($"section#{figure.Table.Key}") ?? throw new Xunit.Sdk.XunitException($"No section for {figure.Table.Key}");
            var svg = section.QuerySelector("svg") ?? throw new Xunit.Sdk.XunitException($"No chart for {figure.Table.Key}");
            Assert.Equal("img", svg.GetAttribute("role"));
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal(figure.Table.Title, page.GetElementById(labelledBy[0])?.TextContent);
            Assert.Equal("title", page.GetElementById(labelledBy[0])?.LocalName);
            Assert.Equal("desc", page.GetElementById(labelledBy[1])?.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(labelledBy[1])?.TextContent));

            var table = section.QuerySelector("table.govuk-table")!;
            Assert.Equal(figure.Table.Columns, table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
            Assert.Equal(figure.Table.Rows, TableRows(table));
        }

        // The tables carry the database's figures, not just whatever the view built.
        var twenty = TableRows(page.QuerySelector("#twenty-weeks-table")!);
        Assert.Equal(figures.Trend.Count, twenty.Count);
        Assert.Equal(figures.Trend[^1].Issued.ToString(System.Globalization.CultureInfo.InvariantCulture), twenty[^1][3]);
        Assert.Equal(DashboardView.Percent(figures.Trend[^1].PercentExcludingExceptions), twenty[^1][9]);
        var backlog = TableRows(page.QuerySelector("#backlog-table")!);
        Assert.Equal(["Total", Number(figures.Backlog.Sum(b => b.Assessments)), Number(figures.Backlog.Sum(b => b.Reviews)), Number(figures.Backlog.Sum(b => b.Assessments + b.Reviews))], backlog[^1]);
        Assert.True(figures.Backlog.Sum(b => b.Assessments + b.Reviews) > 0);

        // The bars are labelled with the same numbers as the table.
        var backlogChart = page.QuerySelector("#backlog svg")!.TextContent;
        foreach (var band in figures.Backlog)
        {
            Assert.Contains(band.Band.Label, backlogChart, StringComparison.Ordinal);
        }

        Assert.Contains("England 2024: 46.0%", page.QuerySelector("#twenty-weeks svg")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quarter")]
    [InlineData("year")]
    public async Task Each_period_kind_shows_its_own_trend(string period)
    {
        var client = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);
        var today = factory.Today();

        using var response = await client.GetAsync($"/staff/dashboard?period={period}&month={today.Month}&year={today.Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.True(ReportingPeriod.TryParseKind(period, out var kind));
        var data = await DataAsync(kind, today);
        Assert.Equal(DashboardView.Build(data, new EnglandFigure())[0].Table.Rows, TableRows(page.QuerySelector("#twenty-weeks-table")!));
        Assert.Equal("checked", page.QuerySelector($"input[name=period][value={period}]")?.GetAttribute("checked"));
    }

    [Fact]
    public async Task Every_csv_file_holds_the_same_figures_as_its_table()
    {
        var client = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);
        var today = factory.Today();
        var data = await DataAsync(PeriodKind.Quarter, today);
        var figures = data.Figures;

        foreach (var figure in DashboardView.Build(data, new EnglandFigure()))
        {
            using var response = await client.GetAsync($"/staff/dashboard/{figure.Table.Key}.csv?period=quarter&month={today.Month}&year={today.Year}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
            var csv = await response.Content.ReadAsStringAsync();
            Assert.Equal(Csv.Write(figure.Table), csv);
            var lines = CsvReader.Parse(csv);
            Assert.Equal(figure.Table.Columns, lines[0]);
            Assert.Equal(figure.Table.Rows, lines.Skip(1).ToList());
        }

        // UK dates: the quarter's first and last days as day month year.
        var twentyWeeks = CsvReader.Parse(await client.GetStringAsync($"/staff/dashboard/twenty-weeks.csv?period=quarter&month={today.Month}&year={today.Year}"));
        var quarter = ReportingPeriod.Containing(PeriodKind.Quarter, today);
        Assert.Equal(quarter.Start.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), twentyWeeks[^1][1]);
        Assert.Equal(figures.Trend[^1].Issued.ToString(System.Globalization.CultureInfo.InvariantCulture), twentyWeeks[^1][3]);
    }

    [Theory]
    [InlineData(DemoCast.ParentEmail, "/staff/dashboard")]
    [InlineData(DemoCast.CouncillorEmail, "/staff/dashboard")]
    [InlineData(DemoCast.CouncillorEmail, "/staff/dashboard/backlog.csv")]
    [InlineData(DemoCast.ParentEmail, "/staff/dashboard/twenty-weeks.csv")]
    public async Task Parents_and_councillors_are_refused(string email, string url)
    {
        var client = await factory.ClientForAsync(email);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        var client = PortalSignIn.CreateClient(factory);

        using var response = await client.GetAsync("/staff/dashboard/advice.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period=fortnight", "Select month, quarter or calendar year", "period")]
    [InlineData("period=month&month=13&year=2026", "Month must be a number from 1 to 12", "month")]
    [InlineData("period=year&month=1&year=20x6", "Year must be a year from 2014", "year")]
    [InlineData("period=year&month=1&year=1999", "Year must be a year from 2014", "year")]
    public async Task A_wrong_period_gets_an_error_summary_keeping_what_was_typed(string query, string message, string field)
    {
        var client = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);

        using var response = await client.GetAsync("/staff/dashboard?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary") ?? throw new Xunit.Sdk.XunitException("No error summary");
        var link = summary.QuerySelectorAll("a").Single(a => a.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.Equal("#" + field, link.GetAttribute("href"));
        Assert.NotNull(page.GetElementById(field));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        if (field != "period")
        {
            var typed = System.Web.HttpUtility.ParseQueryString(query)[field];
            Assert.Equal(typed, page.QuerySelector($"input[name={field}]")?.GetAttribute("value"));
        }

        using var csv = await client.GetAsync("/staff/dashboard/backlog.csv?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains(message, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_month_is_an_error_and_an_unknown_figure_is_not_found()
    {
        var client = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);
        var next = factory.Today().AddMonths(1);

        using var future = await client.GetAsync($"/staff/dashboard?period=month&month={next.Month}&year={next.Year}");
        using var unknown = await client.GetAsync("/staff/dashboard/salaries.csv");

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.NotNull((await Html.ParseAsync(future)).QuerySelector(".govuk-error-summary"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_staff_home_links_to_the_dashboard()
    {
        var client = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        var page = await Html.ParseAsync(await client.GetAsync("/staff"));

        Assert.NotNull(page.QuerySelector("a[href='/staff/dashboard']"));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
