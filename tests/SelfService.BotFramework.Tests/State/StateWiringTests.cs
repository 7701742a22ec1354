using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;
using SelfService.BotFramework.Tests.Dialogs;

namespace SelfService.BotFramework.Tests.State;

/// <summary>The state runtime as the host wires it: registered by AddBotState, run by bot-core's adapter.</summary>
public sealed class StateWiringTests
{
    private sealed class RecordingConnector : IChannelConnector
    {
        public List<Activity> Sent { get; } = [];

        public bool CanSend(Activity activity) => true;

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add(activity);
            return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse(activity.Id));

        public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddBotState();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static (CloudAdapterBase Adapter, RecordingConnector Connector) Adapter(ServiceProvider provider)
    {
        var connector = new RecordingConnector();
        var adapter = new CloudAdapterBase([connector], provider.GetServices<IBotStateCleaner>(), NullLogger.Instance);
        foreach (var middleware in provider.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }

        return (adapter, connector);
    }

    private static Task<InvokeResponse?> TurnAsync(CloudAdapterBase adapter, string text, BotCallbackHandler bot) =>
        adapter.ProcessActivityAsync(new ClaimsIdentity(), new Activity
        {
            Type = ActivityTypes.Message, Id = Guid.NewGuid().ToString("N"), Text = text, ChannelId = "test", ServiceUrl = "https://test.invalid/",
            Conversation = new ConversationAccount { Id = "c1" }, From = new ChannelAccount { Id = "u1" }, Recipient = new ChannelAccount { Id = "bot" },
        }, bot, CancellationToken.None);

    [Fact]
    public void AddBotState_registers_memory_storage_both_states_the_cleaner_and_auto_save()
    {
        using var provider = Services();

        Assert.IsType<MemoryStorage>(provider.GetRequiredService<IStorage>());
        Assert.NotNull(provider.GetRequiredService<ConversationState>());
        Assert.NotNull(provider.GetRequiredService<UserState>());
        Assert.IsType<ConversationStateCleaner>(Assert.Single(provider.GetServices<IBotStateCleaner>()));
        Assert.IsType<AutoSaveStateMiddleware>(Assert.Single(provider.GetServices<IMiddleware>()));
    }

    [Fact]
    public async Task State_is_saved_after_each_turn_and_a_failed_turn_clears_it_through_the_adapters_on_turn_error()
    {
        using var provider = Services();
        var (adapter, connector) = Adapter(provider);
        var conversation = provider.GetRequiredService<ConversationState>();
        var dialog = new ProfileDialog();
        var accessor = conversation.CreateProperty<DialogState>("DialogState");
        var failNext = false;
        async Task Bot(ITurnContext turn, CancellationToken ct)
        {
            if (failNext)
            {
                throw new InvalidOperationException("the bot broke");
            }

            await dialog.RunAsync(turn, accessor, ct);
        }

        await TurnAsync(adapter, "hi", Bot);
        await TurnAsync(adapter, "Helen", Bot);
        Assert.Equal(["What is your name?", "How old are you?"], connector.Sent.Select(a => a.Text));

        failNext = true;
        await TurnAsync(adapter, "41", Bot);
        Assert.Equal(CloudAdapterBase.ApologyText, connector.Sent[^1].Text);

        failNext = false;
        await TurnAsync(adapter, "41", Bot);
        Assert.Equal("What is your name?", connector.Sent[^1].Text);
    }
}
