using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfService.Web.Email;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Email;

/// <summary>Where email goes when there is no SMTP server: a pickup folder in Development, nowhere (kept) elsewhere.</summary>
public sealed class EmailRoutingTests : IDisposable
{
    private readonly WebAppFactory _development = new();
    private readonly ProductionWebAppFactory _production = new();

    public void Dispose()
    {
        _development.Dispose();
        _production.Dispose();
    }

    [Fact]
    public async Task In_Development_without_SMTP_messages_are_eml_files_in_the_data_folder_and_the_path_is_logged()
    {
        var logs = new LogCapture();
        await using var app = _development.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var message = (await Outbox.EnqueueAsync(app, 1)).Single();

        var mailbox = Mailbox.PickupFolder(app);
        var received = await mailbox.WaitForAsync(m => m.MessageId == Outbox.MessageId(message));

        Assert.Equal(Path.Combine(_development.DataDirectory, EmailOptions.DefaultPickupDirectory), mailbox.Folder);
        Assert.Equal("Test message 1", received.Subject);
        await Eventually.WaitAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains(received.Path, StringComparison.Ordinal))), "the file's path is logged");
        Assert.Empty(Directory.GetDirectories(Path.Combine(mailbox.Folder, ".staging")));
    }

    [Fact]
    public async Task The_pickup_folder_can_be_named_in_configuration()
    {
        var folder = Path.Combine(_development.DataDirectory, "elsewhere", "mail");
        await using var app = _development.WithWebHostBuilder(b => b.UseSetting("Email:PickupDirectory", folder));
        var message = (await Outbox.EnqueueAsync(app, 1)).Single();

        await new Mailbox(folder).WaitForAsync(m => m.MessageId == Outbox.MessageId(message));
    }

    [Fact]
    public async Task Outside_Development_without_SMTP_nothing_is_sent_and_messages_wait_with_the_reason()
    {
        var message = (await Outbox.EnqueueAsync(_production, 1)).Single();

        await Eventually.WaitAsync(async () => (await Outbox.ReadAsync(_production, message.Id)).Attempts >= 1, "an attempt");

        var row = await Outbox.ReadAsync(_production, message.Id);
        Assert.Null(row.SentAtUtc);
        Assert.Contains("Email:Smtp:Host", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAtUtc > row.CreatedAtUtc);
        Assert.Null(_production.Services.GetService<EmailPickupFolder>());
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(8, 1280)]
    [InlineData(9, 1800)]
    [InlineData(500, 1800)]
    public void Retries_double_from_10_seconds_up_to_30_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxProcessor.RetryDelay(failures, new OutboxWorkerOptions()));
}
