using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Storage;
using SelfService.Web.Email;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Email;

/// <summary>After an SMTP outage, the first retried message that goes through brings every other waiting one forward.</summary>
public abstract class SmtpCatchUpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : WebAppFactory
{
    private RecordingSmtpServer _smtp = null!;
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _smtp = RecordingSmtpServer.CreateStopped();
        _app = factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in _smtp.AppSettings)
            {
                b.UseSetting(key, value);
            }

            // The test drives the processor itself; a failure backs off for an hour.
            b.UseSetting("Email:Worker:Enabled", "false");
            b.UseSetting("Email:Worker:FirstRetryDelay", "01:00:00");
            b.UseSetting("Email:Worker:MaxRetryDelay", "02:00:00");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task When_a_retried_message_goes_through_the_others_waiting_on_their_back_off_are_sent_at_once_and_only_once()
    {
        var messages = await Outbox.EnqueueAsync(_app, 3, "catch.up@example.com");
        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(_app.Services);
        Assert.Equal(3, await processor.ProcessDueAsync(CancellationToken.None));
        foreach (var message in messages)
        {
            Assert.True((await Outbox.ReadAsync(_app, message.Id)).NextAttemptAtUtc > DateTime.UtcNow.AddMinutes(50), "backed off for an hour");
        }

        // The first one's back-off ends while the others still have most of an hour to wait; the relay is back.
        await MakeDueAsync(messages[0].Id);
        await _smtp.StartAsync();
        Assert.Equal(1, await processor.ProcessDueAsync(CancellationToken.None));

        // The others are due now, not in an hour.
        Assert.Equal(2, await processor.ProcessDueAsync(CancellationToken.None));
        Assert.Equal(0, await Outbox.PendingAsync(_app, messages.Select(m => m.Id)));
        await _smtp.Mailbox.WaitForAsync(m => m.MessageId == Outbox.MessageId(messages[^1]));
        var received = _smtp.Mailbox.All().Where(m => m.To == "catch.up@example.com").Select(m => m.MessageId).ToList();
        Assert.Equal(messages.Select(Outbox.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    private async Task MakeDueAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var now = DateTime.UtcNow;
        await db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now));
    }
}

public sealed class SqliteSmtpCatchUpTests(WebAppFactory factory) : SmtpCatchUpTests<WebAppFactory>(factory);

public sealed class PostgresSmtpCatchUpTests(PostgresWebAppFactory factory) : SmtpCatchUpTests<PostgresWebAppFactory>(factory);
