using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Storage;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Email;

/// <summary>Email over real SMTP: the app talks to an aiosmtpd server on loopback.</summary>
public sealed class SmtpDeliveryTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
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

            b.UseSetting("Email:From", "Leeds SEND team <send@leeds.example>");
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Signing_in_works_with_the_code_delivered_over_SMTP()
    {
        using var client = PortalSignIn.CreateClient(_app);

        await PortalSignIn.SignInAsync(client, _smtp.Mailbox, "aisha.rahman@example.com");

        var home = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains("aisha.rahman@example.com", home.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbox_email_arrives_as_written_and_its_row_is_marked_sent_once()
    {
        var message = (await Outbox.EnqueueAsync(_app, 1, "kerry.walsh@example.com")).Single();

        var received = await _smtp.Mailbox.WaitForAsync(m => m.MessageId == Outbox.MessageId(message));
        await Eventually.WaitAsync(async () => (await Outbox.ReadAsync(_app, message.Id)).SentAtUtc is not null, "the row is marked sent");

        Assert.Equal("kerry.walsh@example.com", received.To);
        Assert.Equal("send@leeds.example", received.From);
        Assert.Equal("Test message 1", received.Subject);
        Assert.Equal("Message number 1 about Sam Carter.\nWhat happens next: nothing, it is a test.", received.Body);
        var row = await Outbox.ReadAsync(_app, message.Id);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Null(row.LockedBy);
        Assert.Single(_smtp.Mailbox.All(), m => m.MessageId == Outbox.MessageId(message));
    }

    [Fact]
    public async Task Non_ASCII_subjects_and_bodies_arrive_intact()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var message = OutboxEmail.Create(
            DateTime.UtcNow, "test", "nadia.ahmed@example.com", "Ruby’s draft plan: respond by 5 December", "Zoë’s school named — £0 to pay.\nA long line that goes on and on past seventy-six characters so quoted-printable must wrap it softly.");
        db.Add(message);
        await db.SaveChangesAsync();

        var received = await _smtp.Mailbox.WaitForAsync(m => m.MessageId == Outbox.MessageId(message));

        Assert.Equal("Ruby’s draft plan: respond by 5 December", received.Subject);
        Assert.Equal(OutboxEmail.TextBody(message), received.Body);
    }

    [Fact]
    public async Task The_sign_in_page_answers_at_once_even_before_the_email_is_sent()
    {
        using var client = PortalSignIn.CreateClient(_app);

        using var response = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", "maybe.later@example.com")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _smtp.Mailbox.WaitForAsync(m => m.To == "maybe.later@example.com");
    }
}
