using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Web.Tests.Bot;

namespace SelfService.BrowserTests;

/// <summary>
/// Microsoft's own Web Chat (the client councils' sites would embed), served by the app, talking
/// Direct Line to the app's endpoints in a real browser, under the app's CSP.
/// </summary>
public sealed class WebChatTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Transcript = ".webchat__basic-transcript";

    /// <summary>SHA-256 of no content at all, as a CSP report names it.</summary>
    private const string EmptyContentHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private const string SendBox = "[data-id='webchat-sendbox-input']";

    [Fact]
    public Task Web_Chat_from_the_app_sends_a_message_and_shows_the_bots_reply() => StepsAsync(async () =>
    {
        var problems = WatchForProblems();

        await OpenWebChatAsync();
        await SendAsync("hello from the browser");

        await Assertions.Expect(BotSaid("echo: hello from the browser")).ToBeVisibleAsync();
        // Web Chat marks an outgoing message it could not deliver; ours must have arrived.
        await Assertions.Expect(Page.Locator(Transcript).First).Not.ToContainTextAsync("Send failed");
        await Assertions.Expect(Page.Locator(Transcript).First).Not.ToContainTextAsync("Sending");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });

    [Fact]
    public Task Web_Chat_renders_the_bots_Adaptive_Card_and_its_submit_reaches_the_bot() => StepsAsync(async () =>
    {
        var problems = WatchForProblems();

        await OpenWebChatAsync();
        await SendAsync(DiagnosticBot.CardText);

        var card = Page.Locator(".ac-adaptiveCard");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Diagnostic card");
        var input = card.GetByLabel(DiagnosticBot.InputLabel);
        await input.FillAsync("typed in the card");
        await card.GetByRole(AriaRole.Button, new() { Name = DiagnosticBot.SubmitTitle }).ClickAsync();

        await Assertions.Expect(BotSaid("value: ")).ToBeVisibleAsync();
        var reply = await BotSaid("value: ").InnerTextAsync();
        // Web Chat renders replies as Markdown, whose typographer curls the JSON's quotes.
        var json = reply[(reply.IndexOf("value: ", StringComparison.Ordinal) + "value: ".Length)..]
            .Replace('\u201c', '"').Replace('\u201d', '"');
        using var value = JsonDocument.Parse(json);
        Assert.Equal("pressed", value.RootElement.GetProperty("action").GetString());
        Assert.Equal("typed in the card", value.RootElement.GetProperty(DiagnosticBot.InputId).GetString());
        await Assertions.Expect(Page.Locator(Transcript).First).Not.ToContainTextAsync("Send failed");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });

    [Fact]
    public Task Web_Chat_is_loaded_from_the_app_itself_not_a_CDN() => StepsAsync(async () =>
    {
        var elsewhere = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !request.Url.StartsWith(Fixture.App.Origin + "/", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        var script = Page.WaitForResponseAsync(r => r.Url == Fixture.App.Origin + "/webchat/webchat.js");

        await OpenWebChatAsync();

        Assert.Equal(200, (await script).Status);
        Assert.Empty(elsewhere);
    });

    private async Task OpenWebChatAsync()
    {
        var token = await GenerateTokenAsync(WebChatTestPage.UserId);
        await Page.GotoAsync(WebChatTestPage.Path + "#token=" + Uri.EscapeDataString(token));
        await Assertions.Expect(Page.Locator(SendBox)).ToBeVisibleAsync();
        // The bot greets each new member, so its welcome means the conversation is open both ways.
        await Assertions.Expect(BotSaid("welcome: Browser")).ToBeVisibleAsync();
    }

    /// <summary>A paragraph of a message in the transcript (Web Chat also keeps hidden copies for screen readers).</summary>
    private ILocator BotSaid(string text) =>
        Page.Locator(".webchat__bubble__content p", new() { HasTextString = text }).First;

    private async Task SendAsync(string text)
    {
        var box = Page.Locator(SendBox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>CSP violations, script errors and failed requests, which Web Chat otherwise hides.</summary>
    private List<string> WatchForProblems()
    {
        var problems = new List<string>();
        Page.Console += (_, message) =>
        {
            // Failed loads are reported with their address below; a style block with no content
            // (the hash CSP suggests is that of the empty string) is blocked but changes nothing.
            if (message.Type == "error"
                && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && !message.Text.Contains(EmptyContentHash, StringComparison.Ordinal))
            {
                problems.Add("console: " + message.Text);
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        Page.PageError += (_, error) => problems.Add("page error: " + error);
        Page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        return problems;
    }

    private async Task<string> GenerateTokenAsync(string userId)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Fixture.App.Origin) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId, name = "Browser" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BrowserAppFactory.DirectLineSecret);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }
}
