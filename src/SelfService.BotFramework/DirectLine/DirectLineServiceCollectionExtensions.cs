using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The Direct Line channel's services. The host adds an <see cref="IDirectLineStore"/> and
    /// binds <see cref="DirectLineOptions"/> (with a signing key). Turns run through the
    /// registered <see cref="CloudAdapterBase"/> and <see cref="IBot"/>; replies come back
    /// through <see cref="DirectLineConnector"/>.
    /// </summary>
    public static IServiceCollection AddDirectLineChannelCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectLineOptions>();
        services.TryAddSingleton<DirectLineTokens>();
        services.TryAddSingleton<IDirectLineNotifier>(provider =>
            new InProcessDirectLineNotifier(provider.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxStreamsPerConversation));
        services.TryAddScoped<DirectLineChannel>();
        services.TryAddScoped<IDirectLineBotInvoker, DirectLineBotInvoker>();
        services.AddSingleton<IChannelConnector, DirectLineConnector>();
        services.AddSingleton<DirectLineRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineRetention>());
        return services;
    }
}
