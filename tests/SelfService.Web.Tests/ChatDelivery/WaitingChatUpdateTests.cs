using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Chat;

namespace SelfService.Web.Tests.ChatDelivery;

/// <summary>
/// Case updates for families who are not looking at the chat: they go into the conversation they
/// last used (and are there when they reconnect), or wait until they start one.
/// </summary>
public sealed class WaitingChatUpdateTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _app;

    public WaitingChatUpdateTests(WebAppFactory factory) =>
        _app = factory.WithWebHostBuilder(b => b.UseSetting("ChatDelivery:Worker:Enabled", "false"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ChatDeliveryProcessor Processor => _app.Services.GetRequiredService<ChatDeliveryProcessor>();

    [Fact]
    public async Task An_update_goes_into_the_last_conversation_and_is_there_when_they_reconnect()
    {
        var email = NewEmail();
        var account = await ChatHarness.AccountAsync(_app, email);
        Conversation conversation;
        using (var earlier = _app.CreateClient())
        {
            conversation = await ChatHarness.ConnectAsync(_app, earlier, account);
        }

        var message = Assert.Single(await ChatHarness.EnqueueAsync(_app, email, 1, "EHC-2026-000042"));
        await Processor.ProcessDueAsync(CancellationToken.None);
        Assert.NotNull((await ChatHarness.ReadAsync(_app, message.Id)).SentAtUtc);

        using var later = _app.CreateClient();
        var update = Assert.Single(await ChatHarness.CaseUpdatesAsync(later, conversation));
        Assert.StartsWith("Update 1: we have decided to carry out an assessment.", ChatHarness.Text(update), StringComparison.Ordinal);
        Assert.Contains("[See EHC-2026-000042 in your cases](http://localhost/cases/EHC-2026-000042)", ChatHarness.Text(update), StringComparison.Ordinal);
        Assert.Equal("markdown", update.GetProperty("textFormat").GetString());
        Assert.Equal("bot", update.GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_update_for_someone_with_no_chat_waits_and_arrives_when_they_start_one()
    {
        var email = NewEmail();
        var account = await ChatHarness.AccountAsync(_app, email);
        var message = Assert.Single(await ChatHarness.EnqueueAsync(_app, email, 1));

        await Processor.ProcessDueAsync(CancellationToken.None);
        var waiting = await ChatHarness.ReadAsync(_app, message.Id);
        Assert.Null(waiting.SentAtUtc);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(ChatDeliveryProcessor.WaitingForConversation, waiting.LastError);
        Assert.True(waiting.NextAttemptAtUtc > DateTime.UtcNow, "A waiting update is not retried at every poll.");

        using var client = _app.CreateClient();
        var conversation = await ChatHarness.ConnectAsync(_app, client, account);
        Assert.True((await ChatHarness.ReadAsync(_app, message.Id)).NextAttemptAtUtc <= DateTime.UtcNow, "Starting a chat makes the waiting update due.");

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.NotNull((await ChatHarness.ReadAsync(_app, message.Id)).SentAtUtc);
        Assert.Single(await ChatHarness.CaseUpdatesAsync(client, conversation));
    }

    [Fact]
    public async Task An_update_for_an_address_with_no_account_waits()
    {
        var message = Assert.Single(await ChatHarness.EnqueueAsync(_app, NewEmail(), 1));

        await Processor.ProcessDueAsync(CancellationToken.None);

        var waiting = await ChatHarness.ReadAsync(_app, message.Id);
        Assert.Null(waiting.SentAtUtc);
        Assert.Equal(ChatDeliveryProcessor.WaitingForAccount, waiting.LastError);
    }

    [Fact]
    public async Task An_update_reaches_only_the_family_it_is_for()
    {
        var (helen, other) = (NewEmail(), NewEmail());
        using var client = _app.CreateClient();
        var hers = await ChatHarness.ConnectAsync(_app, client, await ChatHarness.AccountAsync(_app, helen));
        var theirs = await ChatHarness.ConnectAsync(_app, client, await ChatHarness.AccountAsync(_app, other));
        await ChatHarness.EnqueueAsync(_app, helen, 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Single(await ChatHarness.CaseUpdatesAsync(client, hers));
        Assert.Empty(await ChatHarness.CaseUpdatesAsync(client, theirs));
    }

    [Fact]
    public async Task Email_rows_are_left_for_the_email_worker()
    {
        var email = NewEmail();
        var account = await ChatHarness.AccountAsync(_app, email);
        using var client = _app.CreateClient();
        await ChatHarness.ConnectAsync(_app, client, account);
        var letters = await Email.Outbox.EnqueueAsync(_app, 2, email);

        await Processor.ProcessDueAsync(CancellationToken.None);

        foreach (var letter in letters)
        {
            var row = await ChatHarness.ReadAsync(_app, letter.Id);
            Assert.Null(row.SentAtUtc);
            Assert.Null(row.LockedBy);
        }
    }

    private static string NewEmail() => $"family-{Guid.NewGuid():N}@example.com";
}
