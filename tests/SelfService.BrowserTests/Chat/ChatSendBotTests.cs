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

    [Fact]
    public Task A_councillor_logs_a_casework_query_in_the_chat_and_corrects_a_mistake_in_the_same_card() => Evidence.OnFailureScreenshotAsync(_page, async () =>
    {
        await fixture.SignInAsync(_page, DemoCast.CouncillorEmail);
        await OpenChatAsync();
        await AskAsync("I need to log a casework query for a constituent", "Log the query");

        var form = _page.Locator(".ac-adaptiveCard", new() { Has = _page.GetByLabel("Family's postcode") }).Last;
        await Assertions.Expect(form).ToBeVisibleAsync();
        // Web Chat announces a new card through a live region holding an unlabelled copy of its inputs for
        // a moment; the card itself is what people fill in, so it is checked once the announcement is done.
        await Assertions.Expect(_page.Locator(".webchat__live-region-transcript input")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.AssertNoViolationsAsync(_page);
        await form.GetByLabel("First name").FillAsync("Alfie");
        await form.GetByLabel("Last name").FillAsync("Brown");
        await form.GetByLabel("Date of birth").FillAsync("2014-03-09");
        await form.GetByLabel("Parent or carer's name").FillAsync("Jo Brown");
        await form.GetByLabel("Family's postcode").FillAsync("not a postcode");
        await form.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Transport" });
        await form.GetByLabel("What is the constituent worried about?").FillAsync("The taxi to school has not come for two weeks.");
        await form.GetByRole(AriaRole.Radio, new() { Name = "No: general information only" }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Log the query" }).ClickAsync();
        await Assertions.Expect(ChatPage.Said(_page, "Enter a real postcode, like LS1 1UR")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Everything else typed is still in the card: only the postcode is put right.
        await Assertions.Expect(form.GetByLabel("Last name")).ToHaveValueAsync("Brown");
        await form.GetByLabel("Family's postcode").FillAsync("LS6 2AB");
        await form.GetByRole(AriaRole.Button, new() { Name = "Log the query" }).ClickAsync();

        await Assertions.Expect(ChatPage.Said(_page, "Your reference is MQ-")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var reference = Regex.Match(await ChatPage.Said(_page, "Your reference is MQ-").Last.InnerTextAsync(), @"MQ-\d{4}-\d{5}").Value;
        await _page.GotoAsync($"/members/enquiries/{reference}");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("Alfie Brown");
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
