using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Integration;
using SelfService.Web.Bot;

namespace SelfService.Web.Tests.Bot;

public sealed class BotHostingTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SelfService.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void An_app_id_without_a_password_stops_startup_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBot(
            Settings(("Bot:MicrosoftAppId", "app-id")), new Environment(Environments.Production)));

        Assert.Contains("Bot:MicrosoftAppPassword is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_app_id_outside_development_stops_startup_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBot(
            Settings(), new Environment(Environments.Staging)));

        Assert.StartsWith("The bot has no App ID (setting Bot:MicrosoftAppId) in the Staging environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_channel_shares_the_one_adapter_whatever_was_registered_first()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(provider => new CloudAdapterBase([], [], NullLogger.Instance));

        services.AddBot(Settings(), new Environment(Environments.Development));
        services.AddSingleton<IConversationReferenceStore, MemoryConversationReferenceStore>();

        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<BotFrameworkHttpAdapter>();
        Assert.Same(http, provider.GetRequiredService<CloudAdapterBase>());
        Assert.Same(http, provider.GetRequiredService<BotAdapter>());
    }

    private sealed class CountingMiddleware : IMiddleware
    {
        public int Turns { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            Turns++;
            return next(cancellationToken);
        }
    }

    [Fact]
    public async Task Middleware_registered_as_a_service_runs_on_every_turn_after_the_reference_is_saved()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var counting = new CountingMiddleware();
        services.AddSingleton<IMiddleware>(counting);
        services.AddBot(Settings(), new Environment(Environments.Development));
        var references = new MemoryConversationReferenceStore();
        services.AddSingleton<IConversationReferenceStore>(references);
        using var provider = services.BuildServiceProvider();
        var activity = new SelfService.BotFramework.Schema.Activity
        {
            Type = "message",
            ChannelId = "test",
            From = new("user-1"),
            Recipient = new("bot-1"),
            Conversation = new("conv-1"),
        };

        await provider.GetRequiredService<CloudAdapterBase>().ProcessActivityAsync(
            BotAdapter.CreateBotIdentity("app"), activity, (_, _) => Task.CompletedTask, default);

        Assert.Equal(1, counting.Turns);
        Assert.Single(await references.ListByUserAsync("user-1", default));
    }
}
