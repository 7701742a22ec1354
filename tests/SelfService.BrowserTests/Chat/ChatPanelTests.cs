using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Web.Tests.Bot;

namespace SelfService.BrowserTests.Chat;

/// <summary>
/// "Ask a question" on the portal's pages and the full-page chat, in Chromium under the app's CSP,
/// with the protocol tests' bot (predictable answers, cards and submits).
/// </summary>
public sealed class ChatPanelTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Ask_a_question_opens_the_chat_in_a_panel_from_the_keyboard_and_the_bot_answers() => StepsAsync(async () =>
    {
        var problems = ChatPage.WatchForProblems(Page);
        await Page.GotoAsync("/what-happens-and-when");
        var launcher = Page.Locator("#chat-launcher");
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await KeyboardOnly.ActivateAsync(Page, "#chat-launcher");

        await Assertions.Expect(Page.Locator("#chat-panel")).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(ChatPage.Said(Page, "welcome: ")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(ChatPage.SendBox)).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("hello from the panel");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ChatPage.Said(Page, "echo: hello from the panel")).ToBeVisibleAsync();
        Assert.EndsWith("/what-happens-and-when", Page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(Page);

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.Locator("#chat-panel")).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });

    [Fact]
    public Task The_chat_page_works_signed_out_and_the_Direct_Line_secret_never_reaches_the_browser() => StepsAsync(async () =>
    {
        var problems = ChatPage.WatchForProblems(Page);
        var bodies = new List<Task<string>>();
        Page.Response += (_, response) =>
        {
            if (response.Status is >= 200 and < 300 && response.Request.Method != "OPTIONS")
            {
                bodies.Add(BodyOfAsync(response));
            }
        };
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => sockets.Add(frame.Text ?? string.Empty);

        await Page.GotoAsync("/chat");
        await Assertions.Expect(ChatPage.Said(Page, "welcome: ")).ToBeVisibleAsync();
        await ChatPage.SendAsync(Page, "what is an EHC plan");
        await Assertions.Expect(ChatPage.Said(Page, "echo: what is an EHC plan")).ToBeVisibleAsync();

        var (userId, _) = await ChatPage.CurrentAsync(Page);
        Assert.StartsWith("anon:", userId, StringComparison.Ordinal);
        var texts = await Task.WhenAll(bodies.ToArray());
        var everything = string.Join("\n", texts) + string.Join("\n", sockets)
            + await Page.EvaluateAsync<string>("() => document.documentElement.outerHTML + document.cookie + JSON.stringify(sessionStorage) + JSON.stringify(localStorage)");
        // The token response itself was looked at: the page had a token, and not the secret.
        Assert.Contains(texts, t => t.Contains("/chat/token", StringComparison.Ordinal) && t.Contains("\"token\"", StringComparison.Ordinal));
        Assert.DoesNotContain(BrowserAppFactory.DirectLineSecret, everything, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(Page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });

    [Fact]
    public Task A_card_button_in_the_portal_chat_round_trips_to_the_bot() => StepsAsync(async () =>
    {
        var problems = ChatPage.WatchForProblems(Page);
        await Page.GotoAsync("/chat");
        await Assertions.Expect(ChatPage.Said(Page, "welcome: ")).ToBeVisibleAsync();

        await ChatPage.SendAsync(Page, DiagnosticBot.CardText);
        var card = Page.Locator(".ac-adaptiveCard").Last;
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.GetByLabel(DiagnosticBot.InputLabel).FillAsync("from the portal");
        await card.GetByRole(AriaRole.Button, new() { Name = DiagnosticBot.SubmitTitle }).ClickAsync();

        var reply = ChatPage.Said(Page, "value: ");
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await Assertions.Expect(reply).ToContainTextAsync("pressed");
        await Assertions.Expect(reply).ToContainTextAsync("from the portal");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });

    [Fact]
    public Task Signing_out_ends_the_signed_in_chat() => StepsAsync(async () =>
    {
        var email = PortalAccounts.NewEmail();
        await PortalAccounts.SignInAsync(Page, Fixture, email);
        await Page.GotoAsync("/chat");
        await Assertions.Expect(ChatPage.Said(Page, "welcome: ")).ToBeVisibleAsync();
        await ChatPage.SendAsync(Page, "my private question");
        await Assertions.Expect(ChatPage.Said(Page, "echo: my private question")).ToBeVisibleAsync();
        var signedIn = await ChatPage.CurrentAsync(Page);
        Assert.StartsWith("u:", signedIn.UserId, StringComparison.Ordinal);

        // Another page in the same tab carries on the same conversation.
        await Page.GotoAsync("/chat");
        await Assertions.Expect(ChatPage.Said(Page, "echo: my private question")).ToBeVisibleAsync();
        Assert.Equal(signedIn, await ChatPage.CurrentAsync(Page));

        await Page.GotoAsync("/sign-out");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync("**/signed-out**");
        await Page.GotoAsync("/chat");
        await Assertions.Expect(ChatPage.Said(Page, "welcome: ")).ToBeVisibleAsync();

        var after = await ChatPage.CurrentAsync(Page);
        Assert.StartsWith("anon:", after.UserId, StringComparison.Ordinal);
        Assert.NotEqual(signedIn.ConversationId, after.ConversationId);
        await Assertions.Expect(Page.Locator(".webchat__basic-transcript")).Not.ToContainTextAsync("my private question");
    });

    private static async Task<string> BodyOfAsync(IResponse response)
    {
        try
        {
            return response.Url + "\n" + await response.TextAsync();
        }
        catch (PlaywrightException)
        {
            // A body the browser has already discarded (a navigation away) is one the page no longer has.
            return response.Url;
        }
    }
}
