using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Email;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Email;

/// <summary>Several workers (as on several servers) draining one outbox: every message goes exactly once.</summary>
public abstract class OutboxRaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : WebAppFactory
{
    private RecordingSmtpServer _smtp = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _smtp = await RecordingSmtpServer.StartNewAsync();
        _app = factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in _smtp.AppSettings)
            {
                b.UseSetting(key, value);
            }

            // The test runs the workers itself; small batches make them interleave.
            b.UseSetting("Email:Worker:Enabled", "false");
            b.UseSetting("Email:Worker:BatchSize", "3");
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Four_workers_racing_send_each_message_exactly_once()
    {
        var messages = await Outbox.EnqueueAsync(_app, 30, "race@example.com");
        var workers = Enumerable.Range(1, 4)
            .Select(i => ActivatorUtilities.CreateInstance<OutboxProcessor>(_app.Services))
            .ToList();

        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (await w.ProcessDueAsync(CancellationToken.None) > 0)
            {
            }
        })));

        Assert.Equal(0, await Outbox.PendingAsync(_app, messages.Select(m => m.Id)));
        var received = _smtp.Mailbox.All().Where(m => m.To == "race@example.com").Select(m => m.MessageId).ToList();
        Assert.Equal(messages.Select(Outbox.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            Assert.Equal(1, (await Outbox.ReadAsync(_app, message.Id)).Attempts);
        }
    }
}

public sealed class SqliteOutboxRaceTests(WebAppFactory factory) : OutboxRaceTests<WebAppFactory>(factory);

public sealed class PostgresOutboxRaceTests(PostgresWebAppFactory factory) : OutboxRaceTests<PostgresWebAppFactory>(factory);
