using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SelfService.BotFramework.Cards;

public static class CardTemplatesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CardTemplates"/> read from the <c>cards</c> folder beside the app (the
    /// host copies the repository's <c>cards/*.json</c> there), loaded on first use.
    /// </summary>
    public static IServiceCollection AddCardTemplates(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => CardTemplates.FromAppDirectory());
        return services;
    }
}
