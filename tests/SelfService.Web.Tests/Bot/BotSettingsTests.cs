using Microsoft.Extensions.Configuration;
using SelfService.BotFramework.Authentication;
using SelfService.BotFramework.Connector;
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
            [
                "ConnectorMaxAttempts", "ConnectorMaxRetryDelay", "ConnectorRetryDelay", "MaxActivityBytes",
                "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "SigningKeyMinimumRefreshInterval",
                "SigningKeyRefreshInterval", "ToBotFromChannelOpenIdMetadataUrl", "ToBotFromChannelTokenIssuers",
                "ToChannelFromBotLoginUrl", "ToChannelFromBotOAuthScope", "ValidateAuthority",
            ],
            section.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.False(options.HasAppId);
        Assert.Equal(new BotFrameworkOptions().MaxActivityBytes, options.MaxActivityBytes);

        // The sample shows the defaults the code uses, so copying it changes nothing.
        var authentication = section.Get<BotAuthenticationOptions>()!;
        var defaults = new BotAuthenticationOptions();
        Assert.Equal(defaults.ToBotFromChannelOpenIdMetadataUrl, authentication.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal(["https://api.botframework.com"], authentication.ToBotFromChannelTokenIssuers);
        Assert.Equal(defaults.ToChannelFromBotOAuthScope, authentication.ToChannelFromBotOAuthScope);
        Assert.Equal(defaults.SigningKeyRefreshInterval, authentication.SigningKeyRefreshInterval);
        Assert.Equal(defaults.SigningKeyMinimumRefreshInterval, authentication.SigningKeyMinimumRefreshInterval);
        var connector = section.Get<ConnectorClientOptions>()!;
        var connectorDefaults = new ConnectorClientOptions();
        Assert.Equal(connectorDefaults.ConnectorMaxAttempts, connector.ConnectorMaxAttempts);
        Assert.Equal(connectorDefaults.ConnectorRetryDelay, connector.ConnectorRetryDelay);
        Assert.Equal(connectorDefaults.ConnectorMaxRetryDelay, connector.ConnectorMaxRetryDelay);
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
