using Microsoft.Extensions.Configuration;
using SelfService.BotFramework.Integration;

namespace SelfService.Web.Tests.Bot;

public sealed class BotSettingsTests
{
    [Fact]
    public void The_sample_settings_describe_the_bot_registration_with_the_names_the_app_reads()
    {
        var sample = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.sample.json"), optional: false)
            .Build();

        var section = sample.GetSection(BotFrameworkOptions.SectionName);
        var options = section.Get<BotFrameworkOptions>()!;

        Assert.Equal(
            ["MaxActivityBytes", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"],
            section.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.False(options.HasAppId);
        Assert.Equal(new BotFrameworkOptions().MaxActivityBytes, options.MaxActivityBytes);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with SelfService.sln) was not found.");
    }
}
