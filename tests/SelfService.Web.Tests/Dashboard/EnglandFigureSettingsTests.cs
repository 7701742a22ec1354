using Microsoft.Extensions.Configuration;
using SelfService.Domain.Performance;
using SelfService.Web.Pages.Staff.Dashboard;

namespace SelfService.Web.Tests.Dashboard;

public sealed class EnglandFigureSettingsTests
{
    [Fact]
    public void The_sample_settings_hold_the_same_england_figure_as_the_default()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SelfService.sln")))
        {
            root = root.Parent!;
        }

        var sample = new ConfigurationBuilder().AddJsonFile(Path.Combine(root.FullName, "appsettings.sample.json")).Build();

        var england = IndexModel.ReadEngland(sample);

        var defaults = new EnglandFigure();
        Assert.Equal((defaults.Year, defaults.PercentExcludingExceptions, defaults.Source), (england.Year, england.PercentExcludingExceptions, england.Source));
    }

    [Fact]
    public void A_newer_england_figure_is_read_from_configuration()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Performance:England:Year"] = "2025",
            ["Performance:England:PercentExcludingExceptions"] = "44.5",
        }).Build();

        var england = IndexModel.ReadEngland(settings);

        Assert.Equal(2025, england.Year);
        Assert.Equal(44.5m, england.PercentExcludingExceptions);
    }
}
