using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Data.DemoData;
using SelfService.Web.Hosting;

namespace SelfService.BrowserTests.Chat;

/// <summary>
/// Helen Carter, a parent with two children, tries the chat as a new user would: Web Chat on the
/// portal, the product's own bot. What it says must match the case pages she can open.
/// </summary>
[Collection(ChatWithSendBot.Name)]
public sealed class ChatSendBotTests(ChatWithSendBotFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await fixture.NewPageAsync();

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private string SamReference => DemoCast.SamCaseReference(fixture.App.Services.GetRequiredService<UkClock>().Today());

    [Fact]
    public Task Asking_about_each_child_by_name_gives_the_stage_and_dates_of_their_case_pages() => Evidence.OnFailureScreenshotAsync(_page, async () =>
    {
        await fixture.SignInAsync(_page, DemoCast.ParentEmail);
        await _page.GotoAsync($"/cases/{SamReference}");
        var stage = (await _page.Locator("#case-summary .govuk-tag").First.InnerTextAsync()).Trim();
        var nextStep = Words(await _page.Locator("#next-step").InnerTextAsync());
        var nextDeadline = NextDeadline(await _page.Locator("#case-summary .govuk-summary-list__row", new() { HasTextString = "Next deadline" }).Locator(".govuk-summary-list__value").InnerTextAsync());
        await _page.GotoAsync($"/cases/plans/{DemoCast.MaisiePlanReference}");
        var review = (await _page.Locator("#next-review").InnerTextAsync()).Trim();

        await OpenChatAsync();
        var sam = await AskAsync("How is Sam getting on?", "Status:");
        Assert.Contains($"Status: {stage}.", sam, StringComparison.Ordinal);
        Assert.Contains($"Next deadline: {nextDeadline}.", sam, StringComparison.Ordinal);

        var maisie = await AskAsync("What's the status of Maisie's plan?", "Next annual review");
        Assert.Contains($"Next annual review by {review}.", maisie, StringComparison.Ordinal);
        Assert.Contains(DemoCast.MaisiePlanReference, maisie, StringComparison.Ordinal);

        // The legal deadline for the next decision, in the words and with the date of the case page's "what happens next".
        // (Another test may have recorded a decision on Sam's case, so the sentence is read, not assumed.)
        var decision = Regex.Match(nextStep, @"[^.]*\bby \w+day \d{1,2} \w+ \d{4}").Value.Trim();
        Assert.False(string.IsNullOrEmpty(decision), nextStep);
        var date = Regex.Match(decision, @"\d{1,2} \w+ \d{4}$").Value;
        var hear = Words(await AskAsync("When will I hear about Sam?", date));
        Assert.Contains(decision, hear, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(_page);
    });

    [Fact]
    public Task A_card_button_round_trips_a_message_to_the_caseworker() => Evidence.OnFailureScreenshotAsync(_page, async () =>
    {
        await fixture.SignInAsync(_page, DemoCast.ParentEmail);
        await OpenChatAsync();
        await AskAsync("status of Sam please", "Status:");

        await _page.Locator(".ac-adaptiveCard").GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).Last.ClickAsync();
        var form = _page.Locator(".ac-adaptiveCard", new() { Has = _page.GetByLabel("Your message") }).Last;
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Your message").FillAsync("Could someone call me about the advice, please?");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        await Assertions.Expect(ChatPage.Said(_page, "Your reference is MSG-")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    });

    private async Task OpenChatAsync()
    {
        await _page.GotoAsync("/chat");
        await Assertions.Expect(_page.Locator(ChatPage.SendBox)).ToBeVisibleAsync();
        // The bot's greeting: the conversation is open both ways.
        await Assertions.Expect(_page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Sends <paramref name="question"/> and returns everything the bot said after it, once it includes <paramref name="expect"/>.</summary>
    private async Task<string> AskAsync(string question, string expect)
    {
        var before = await _page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync();
        await ChatPage.SendAsync(_page, question);
        string said = string.Empty;
        await ChatPage.UntilAsync(async () =>
        {
            var bubbles = await _page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").AllInnerTextsAsync();
            said = string.Join("\n", bubbles.Skip(before));
            return said.Contains(expect, StringComparison.Ordinal);
        }, $"the bot to answer \"{question}\" with {expect}");
        // Markdown lists and line breaks become separate lines; the sentences are what matter.
        return said.Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    private static string Words(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static string NextDeadline(string value) =>
        Regex.Match(value.Trim(), @"^.*?: \d{1,2} \w+ \d{4}").Value;
}
