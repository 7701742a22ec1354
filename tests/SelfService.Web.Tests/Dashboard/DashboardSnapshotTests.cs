using System.Net;
using Microsoft.AspNetCore.Hosting;
using SelfService.Data.DemoData;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Casework;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Dashboard;

/// <summary>The seeded host with dashboard snapshots on, as in production.</summary>
public sealed class SnapshotDashboardFactory : SeededWebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dashboard:RefreshMinutes", "5");
    }
}

/// <summary>
/// Figures come from a snapshot at most a few minutes old, say when they were worked out, and
/// catch up with the rows once it is too old.
/// </summary>
public sealed class DashboardSnapshotTests(SnapshotDashboardFactory factory) : IClassFixture<SnapshotDashboardFactory>
{
    [Fact]
    public async Task A_new_request_shows_once_the_snapshot_is_older_than_the_refresh_interval()
    {
        var manager = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);
        var before = await OpenCasesAsync(manager);

        await factory.OpenNewRequestForHelenAsync(daysAgo: 3);
        var soon = await OpenCasesAsync(manager);
        factory.Time.Offset += TimeSpan.FromMinutes(6);
        var later = await OpenCasesAsync(manager);

        Assert.Equal(before, soon);
        Assert.Equal(before.Total + 1, later.Total);
        Assert.NotEqual(before.ComputedAt, later.ComputedAt);
    }

    private static async Task<(int Total, string ComputedAt)> OpenCasesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/staff/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var totalRow = page.QuerySelectorAll("section#open-cases table.govuk-table tbody tr").Single(row => row.Children[0].TextContent.Trim() == "Total");
        var total = int.Parse(totalRow.Children[1].TextContent.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        return (total, page.QuerySelector("#computed-at")!.TextContent);
    }
}
