using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Authentication;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Integration;
using SelfService.Data.Bot;

namespace SelfService.Web.Bot;

/// <summary>The bot's endpoint and runtime: <c>POST /api/messages</c> and the adapter (the bot itself: <see cref="SendBotHosting"/>).</summary>
public static class BotHosting
{
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// Registers the bot. Without <c>Bot:MicrosoftAppId</c> inbound authentication is off, which
    /// is allowed only in Development (the Emulator); anywhere else startup stops here.
    /// </summary>
    public static IServiceCollection AddBot(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var section = configuration.GetSection(BotFrameworkOptions.SectionName);
        var options = section.Get<BotFrameworkOptions>() ?? new BotFrameworkOptions();
        if (!options.HasAppId && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(MissingAppIdMessage(environment.EnvironmentName));
        }

        if (options.HasAppId && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException(
                "Bot:MicrosoftAppId is set but Bot:MicrosoftAppPassword is not: the bot could not get a token to reply to channels. " +
                "Set Bot:MicrosoftAppPassword to the Azure Bot registration's client secret.");
        }

        services.Configure<BotFrameworkOptions>(section);

        if (!options.HasAppId)
        {
            services.TryAddSingleton<IChannelAuthenticator, DevelopmentChannelAuthenticator>();
        }

        services.TryAddSingleton<ITrustedServiceUrls, TrustedServiceUrls>();
        // Channel token validation (with an App ID) and the Connector client that posts replies.
        services.AddBotFrameworkAuthentication(configuration);
        services.TryAddSingleton<BotFrameworkHttpAdapter>(provider =>
        {
            var adapter = ActivatorUtilities.CreateInstance<BotFrameworkHttpAdapter>(provider);
            adapter.Use(new ConversationReferenceMiddleware(provider.GetRequiredService<IConversationReferenceStore>()));
            // Then every middleware registered as IMiddleware (bot state auto-save, for one), in registration order.
            foreach (var middleware in provider.GetServices<SelfService.BotFramework.Builder.IMiddleware>())
            {
                adapter.Use(middleware);
            }

            return adapter;
        });
        // One adapter for every channel (whatever registered first), so every turn gets the same
        // middleware and error handling.
        services.Replace(ServiceDescriptor.Singleton<CloudAdapterBase>(provider => provider.GetRequiredService<BotFrameworkHttpAdapter>()));
        services.Replace(ServiceDescriptor.Singleton<BotAdapter>(provider => provider.GetRequiredService<BotFrameworkHttpAdapter>()));
        services.TryAddScoped<ConversationReferenceStore>();
        services.TryAddSingleton<IConversationReferenceStore, ScopedConversationReferenceStore>();

        return services;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapPost(MessagesPath, (HttpContext context, BotFrameworkHttpAdapter adapter, IBot bot) =>
                adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted))
            .DisableAntiforgery()
            .ExcludeFromDescription();

        return app;
    }

    internal static string MissingAppIdMessage(string environmentName) =>
        $"The bot has no App ID (setting Bot:MicrosoftAppId) in the {environmentName} environment. " +
        "Without one, /api/messages would accept requests from anyone, which is allowed only in Development. " +
        "Set Bot:MicrosoftAppId and Bot:MicrosoftAppPassword (and Bot:MicrosoftAppTenantId for a single-tenant bot) " +
        "to the Azure Bot registration's values.";
}
