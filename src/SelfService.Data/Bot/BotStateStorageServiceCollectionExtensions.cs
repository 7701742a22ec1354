using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.State;

namespace SelfService.Data.Bot;

public static class BotStateStorageServiceCollectionExtensions
{
    /// <summary>
    /// Keeps bot state in the case store (<see cref="BotStateStorage"/>) and registers the state
    /// runtime (<see cref="BotStateServiceCollectionExtensions.AddBotState"/>). Needs
    /// <c>AddCaseStore</c> (for <see cref="CaseStoreOptions"/>); replaces any other <see cref="IStorage"/>.
    /// </summary>
    public static IServiceCollection AddBotStateInCaseStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IStorage>(sp => new BotStateStorage(sp.GetRequiredService<CaseStoreOptions>(), sp.GetService<TimeProvider>())));
        return services.AddBotState();
    }
}
