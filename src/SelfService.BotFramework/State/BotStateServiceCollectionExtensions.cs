using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

public static class BotStateServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConversationState"/>, <see cref="UserState"/>, the state clean-up after
    /// a failed turn (<see cref="IBotStateCleaner"/>) and <see cref="AutoSaveStateMiddleware"/>
    /// (as <see cref="IMiddleware"/>, for the adapter to use). The storage is whatever
    /// <see cref="IStorage"/> is registered; <see cref="MemoryStorage"/> if none is.
    /// </summary>
    public static IServiceCollection AddBotState(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBotStateCleaner, ConversationStateCleaner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, AutoSaveStateMiddleware>(sp =>
            new AutoSaveStateMiddleware(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>())));
        return services;
    }
}
