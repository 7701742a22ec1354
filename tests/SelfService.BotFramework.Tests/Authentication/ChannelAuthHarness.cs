using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SelfService.BotFramework.Authentication;

namespace SelfService.BotFramework.Tests.Authentication;

/// <summary>The bot's authentication services, registered as the app registers them.</summary>
public static class ChannelAuthHarness
{
    public const string AppId = "5f0c1c8e-bot-app-id";
    public const string AppPassword = "test-client-secret";

    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        string environment = "Production",
        CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddBotFrameworkAuthentication(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Dictionary<string, string?> Settings(ChannelIdentityServer identity, TimeSpan? minimumRefresh = null) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = AppPassword,
        ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = identity.MetadataUrl,
        ["Bot:SigningKeyMinimumRefreshInterval"] = (minimumRefresh ?? TimeSpan.Zero).ToString(),
    };
}
