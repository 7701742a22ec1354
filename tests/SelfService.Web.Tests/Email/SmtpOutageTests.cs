using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Email;

public sealed class SmtpOutageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
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

            // Quick retries, so the test does not wait long for the server to come back.
            b.UseSetting("Email:Worker:FirstRetryDelay", "00:00:00.1");
            b.UseSetting("Email:Worker:MaxRetryDelay", "00:00:00.5");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_message_waits_and_then_arrives_exactly_once()
    {
        var message = (await Outbox.EnqueueAsync(_app, 1)).Single();

        await Eventually.WaitAsync(async () => (await Outbox.ReadAsync(_app, message.Id)).Attempts >= 2, "two failed attempts");
        var failing = await Outbox.ReadAsync(_app, message.Id);
        Assert.Null(failing.SentAtUtc);
        Assert.False(string.IsNullOrEmpty(failing.LastError));

        await _smtp.StartAsync();
        await _smtp.Mailbox.WaitForAsync(m => m.MessageId == Outbox.MessageId(message));
        await Eventually.WaitAsync(async () => (await Outbox.ReadAsync(_app, message.Id)).SentAtUtc is not null, "the row is marked sent");

        var sent = await Outbox.ReadAsync(_app, message.Id);
        Assert.Null(sent.LastError);
        Assert.True(sent.Attempts >= 3, $"{sent.Attempts} attempts");
        Assert.Single(_smtp.Mailbox.All(), m => m.MessageId == Outbox.MessageId(message));
    }
}
