using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Builder;

namespace SelfService.Web.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The portal's chat: the token endpoint's settings, and the worker that posts case updates
    /// (<c>chat.*</c> outbox messages) into families' conversations. Call after <c>AddBot</c>,
    /// whose conversation reference store it wraps.
    /// </summary>
    public static IServiceCollection AddPortalChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ChatDeliveryOptions.SectionName);
        services.AddOptions<ChatDeliveryOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatDeliverySignal>();
        services.AddSingleton<ChatDeliveryProcessor>();

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IConversationReferenceStore))
            ?? throw new InvalidOperationException("AddPortalChat needs the bot's conversation reference store: call AddBot first.");
        services.Replace(ServiceDescriptor.Singleton<IConversationReferenceStore>(provider => new WakingConversationReferenceStore(
            Create(provider, store),
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<ChatDeliverySignal>(),
            provider.GetRequiredService<TimeProvider>())));

        if ((section.Get<ChatDeliveryOptions>() ?? new ChatDeliveryOptions()).Worker.Enabled)
        {
            services.AddHostedService<ChatDeliveryWorker>();
        }

        return services;
    }

    public static WebApplication MapPortalChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapChatToken();
        return app;
    }

    private static IConversationReferenceStore Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IConversationReferenceStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
