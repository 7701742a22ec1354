using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Tests.Builder;

public sealed class MiddlewareTests
{
    private sealed class Recording(List<string> log, string name, bool stop = false) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add($"{name} before");
            if (!stop)
            {
                await next(cancellationToken);
            }

            log.Add($"{name} after");
        }
    }

    [Fact]
    public async Task Middleware_wraps_the_bot_in_the_order_added()
    {
        var log = new List<string>();
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));
        adapter.Use(new Recording(log, "a")).Use(new Recording(log, "b"));

        await adapter.ProcessActivityAsync(Turns.Identity, Turns.Message("hi"), (_, _) => { log.Add("bot"); return Task.CompletedTask; }, default);

        Assert.Equal(["a before", "b before", "bot", "b after", "a after"], log);
    }

    [Fact]
    public async Task Middleware_that_does_not_call_next_stops_the_turn()
    {
        var log = new List<string>();
        var adapter = Turns.Adapter(new RecordingConnector(Channels.Test));
        adapter.Use(new Recording(log, "gate", stop: true));

        await adapter.ProcessActivityAsync(Turns.Identity, Turns.Message("hi"), (_, _) => { log.Add("bot"); return Task.CompletedTask; }, default);

        Assert.DoesNotContain("bot", log);
    }
}
