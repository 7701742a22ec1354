using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Connector;

namespace SelfService.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Inbound channel authentication and the outbound Connector client, configured from the
    /// <c>Bot</c> section of <paramref name="configuration"/> (the application's root configuration).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BotAuthenticationOptions.SectionName);
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(section)
            .Validate(
                o => o.SigningKeyRefreshInterval <= BotAuthenticationOptions.MaximumSigningKeyRefreshInterval,
                "Bot:SigningKeyRefreshInterval must be at most 23 hours: channel keys must never be more than a day old.")
            .Validate(
                o => Uri.TryCreate(o.ToBotFromChannelOpenIdMetadataUrl, UriKind.Absolute, out var uri) && MetadataDocumentRetriever.IsAllowed(uri),
                "Bot:ToBotFromChannelOpenIdMetadataUrl must be an HTTPS URL (HTTP only on loopback).")
            .ValidateOnStart();
        services.AddOptions<ConnectorClientOptions>()
            .Bind(section)
            .Validate(o => o.ConnectorMaxAttempts is >= 1 and <= 10, "Bot:ConnectorMaxAttempts must be between 1 and 10.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName);
        services.AddHttpClient(ChannelHttpSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<ChannelSigningKeys>();
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton<ChannelHttpSender>();
        services.TryAddSingleton<IAccessTokenProvider, MsalAccessTokenProvider>();
        services.TryAddSingleton<ITrustedServiceUrls, TrustedServiceUrls>();
        // With an App ID this replaces any fail-closed placeholder the host registered; without one
        // a host's own development authenticator (if any) is kept, and this one too lets requests
        // through only in Development.
        Func<IServiceProvider, IChannelAuthenticator> authenticator = sp => new JwtChannelAuthenticator(
            sp.GetRequiredService<ChannelTokenValidator>(), sp.GetRequiredService<ITrustedServiceUrls>());
        if (!string.IsNullOrWhiteSpace(section[nameof(BotAuthenticationOptions.MicrosoftAppId)]))
        {
            services.AddSingleton(authenticator);
        }
        else
        {
            services.TryAddSingleton(authenticator);
        }

        services.TryAddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<ChannelHttpSender>(), sp.GetRequiredService<ITrustedServiceUrls>()));
        // Added, not TryAdded: the adapter asks every connector in turn (an in-process Direct Line
        // connector among them) and this one claims only trusted serviceUrls.
        services.AddSingleton<IChannelConnector>(sp => sp.GetRequiredService<ConnectorClient>());
        return services;
    }
}
