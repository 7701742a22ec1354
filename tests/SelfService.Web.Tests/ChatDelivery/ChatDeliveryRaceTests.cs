using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Chat;

namespace SelfService.Web.Tests.ChatDelivery;

/// <summary>Two delivery workers (as on two servers) draining one outbox: every case update reaches the chat exactly once.</summary>
public abstract class ChatDeliveryRaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : WebAppFactory
{
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = factory.WithWebHostBuilder(b =>
        {
            // The test runs the processors itself; small batches make them interleave.
            b.UseSetting("ChatDelivery:Worker:Enabled", "false");
            b.UseSetting("ChatDelivery:Worker:BatchSize", "3");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_processors_racing_post_each_update_into_the_conversation_exactly_once()
    {
        var email = $"race-{Guid.NewGuid():N}@example.com";
        var account = await ChatHarness.AccountAsync(_app, email);
        using var client = _app.CreateClient();
        var conversation = await ChatHarness.ConnectAsync(_app, client, account);
        var messages = await ChatHarness.EnqueueAsync(_app, email, 20);

        var processors = Enumerable.Range(1, 2).Select(_ => ActivatorUtilities.CreateInstance<ChatDeliveryProcessor>(_app.Services)).ToList();
        await Task.WhenAll(processors.Select(p => Task.Run(async () =>
        {
            while (await p.ProcessDueAsync(CancellationToken.None) > 0)
            {
            }
        })));

        var posted = (await ChatHarness.CaseUpdatesAsync(client, conversation)).Select(ChatHarness.Text).ToList();
        var expected = Enumerable.Range(1, 20).Select(i => $"Update {i}:").ToList();
        Assert.Equal(20, posted.Count);
        Assert.All(expected, prefix => Assert.Single(posted, text => text.StartsWith(prefix + " ", StringComparison.Ordinal)));
        foreach (var message in messages)
        {
            var row = await ChatHarness.ReadAsync(_app, message.Id);
            Assert.NotNull(row.SentAtUtc);
            Assert.Equal(1, row.Attempts);
        }
    }
}

public sealed class SqliteChatDeliveryRaceTests(WebAppFactory factory) : ChatDeliveryRaceTests<WebAppFactory>(factory);

public sealed class PostgresChatDeliveryRaceTests(PostgresWebAppFactory factory) : ChatDeliveryRaceTests<PostgresWebAppFactory>(factory);
