using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Tests.Dialogs;

public sealed class PromptTests
{
    private static readonly List<Choice> Colours = [new("Red", "crimson"), new("Dark blue", "navy"), new("Green")];

    /// <summary>A root dialog that asks with the prompt and echoes what it got.</summary>
    private static DialogTestBot Asking(Dialog prompt, PromptOptions options, Func<object?, string> describe)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(describe(step.Result), cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(prompt);
        return new DialogTestBot(root, new MemoryStorage());
    }

    private static PromptOptions Ask(string text, string? retry = null, IList<Choice>? choices = null, ListStyle? style = null) => new()
    {
        Prompt = MessageFactory.Text(text),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
        Choices = choices,
        Style = style,
    };

    [Theory]
    [InlineData("2", "Dark blue")]
    [InlineData("number 3", "Green")]
    [InlineData("red", "Red")]
    [InlineData("Dark Blue!", "Dark blue")]
    [InlineData("navy", "Dark blue")]
    [InlineData("blue", "Dark blue")]
    [InlineData("I'd like green please", "Green")]
    [InlineData("CRIMSON", "Red")]
    public async Task A_choice_is_found_by_number_exact_or_partial_text_and_synonym(string answer, string expected)
    {
        var bot = Asking(new ChoicePrompt("choice"), Ask("Pick a colour", choices: Colours), r => $"You chose {((FoundChoice)r!).Value}");

        await bot.Flow().Test("hi", "Pick a colour").Test(answer, $"You chose {expected}").StartTestAsync();
    }

    [Fact]
    public async Task An_unrecognised_or_ambiguous_choice_gets_the_retry_prompt()
    {
        var choices = new List<Choice> { new("Dark blue"), new("Light blue"), new("Green") };
        var bot = Asking(new ChoicePrompt("choice"), Ask("Pick a colour", "Please pick one of the colours", choices), r => $"You chose {((FoundChoice)r!).Value}");

        await bot.Flow()
            .Test("hi", "Pick a colour")
            .Test("purple", "Please pick one of the colours")
            .Test("blue", "Please pick one of the colours")
            .Test("4", "Please pick one of the colours")
            .Test("light", "You chose Light blue")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_choice_prompt_resumes_from_storage_with_its_choices_and_retry_prompt()
    {
        var storage = new MemoryStorage();
        DialogTestBot Bot()
        {
            var root = new ComponentDialog("root");
            root.AddDialog(new WaterfallDialog("ask", [
                (step, ct) => step.PromptAsync("choice", Ask("Pick a colour", "Pick by number", Colours), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"You chose {((FoundChoice)step.Result!).Value}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            root.AddDialog(new ChoicePrompt("choice"));
            return new DialogTestBot(root, storage);
        }

        await Bot().Flow().Send("hi").AssertReply(a => Assert.Equal("Pick a colour", a.Text)).StartTestAsync();
        await Bot().Flow(new TestAdapter())
            .Send("purple").AssertReply(a =>
            {
                Assert.Equal("Pick by number", a.Text);
                Assert.Equal(3, a.SuggestedActions!.Actions!.Count);
            })
            .Test("navy", "You chose Dark blue")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choices_are_shown_as_suggested_actions_by_default_and_inline_or_listed_on_request()
    {
        var buttons = Asking(new ChoicePrompt("choice"), Ask("Pick", choices: Colours), _ => "ok");
        var inline = Asking(new ChoicePrompt("choice"), Ask("Pick", choices: Colours, style: ListStyle.InlineList), _ => "ok");
        var list = Asking(new ChoicePrompt("choice"), Ask("Pick", choices: Colours, style: ListStyle.List), _ => "ok");

        await buttons.Flow().Send("hi").AssertReply(a =>
        {
            Assert.Equal("Pick", a.Text);
            Assert.Equal(["Red", "Dark blue", "Green"], a.SuggestedActions!.Actions!.Select(x => x.Title));
            Assert.All(a.SuggestedActions.Actions!, x => Assert.Equal("imBack", x.Type));
        }).StartTestAsync();
        await inline.Flow().Test("hi", "Pick (1) Red, (2) Dark blue or (3) Green").StartTestAsync();
        await list.Flow().Test("hi", "Pick\n\n1. Red\n2. Dark blue\n3. Green").StartTestAsync();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("yeah", true)]
    [InlineData("Yep.", true)]
    [InlineData("that's right", true)]
    [InlineData("aye", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("Nope", false)]
    [InlineData("nah", false)]
    [InlineData("no thanks", false)]
    [InlineData("2", false)]
    public async Task Confirm_understands_british_yes_and_no(string answer, bool expected)
    {
        var bot = Asking(new ConfirmPrompt("confirm"), Ask("Is that right?"), r => $"Answer {r}");

        await bot.Flow().Send("hi").AssertReply(a =>
        {
            Assert.Equal("Is that right?", a.Text);
            Assert.Equal(["Yes", "No"], a.SuggestedActions!.Actions!.Select(x => x.Title));
        }).Test(answer, $"Answer {expected}").StartTestAsync();
    }

    [Fact]
    public async Task Confirm_asks_again_when_the_answer_is_neither()
    {
        var bot = Asking(new ConfirmPrompt("confirm") { Style = ListStyle.InlineList }, Ask("Shall I send it?"), r => $"Answer {r}");

        await bot.Flow()
            .Test("hi", "Shall I send it? (1) Yes or (2) No")
            .Test("perhaps", "Shall I send it? (1) Yes or (2) No")
            .Test("yes please", "Answer True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("about 12 hours", "12")]
    [InlineData("1,250", "1250")]
    [InlineData("seven", "7")]
    [InlineData("-4", "-4")]
    public async Task An_int_is_read_from_digits_or_words(string answer, string expected)
    {
        var bot = Asking(new NumberPrompt<int>("number"), Ask("How many?"), r => $"Got {r}");

        await bot.Flow().Test("hi", "How many?").Test(answer, $"Got {expected}").StartTestAsync();
    }

    [Fact]
    public async Task A_fraction_is_not_an_int_but_is_a_decimal()
    {
        var ints = Asking(new NumberPrompt<int>("number"), Ask("How many?", "A whole number, please"), r => $"Got {r}");
        var decimals = Asking(new NumberPrompt<decimal>("number"), Ask("How much?"), r => $"Got {r}");

        await ints.Flow().Test("hi", "How many?").Test("2.5", "A whole number, please").Test("lots", "A whole number, please").Test("2", "Got 2").StartTestAsync();
        await decimals.Flow().Test("hi", "How much?").Test("£1,234.50", "Got 1234.50").StartTestAsync();
    }

    [Fact]
    public async Task A_validator_sees_the_attempt_count_and_can_explain_itself()
    {
        var prompt = new TextPrompt("text", async (context, ct) =>
        {
            if (context.Recognized.Value!.Length >= 3)
            {
                return true;
            }

            await context.Context.SendActivityAsync($"Too short (attempt {context.AttemptCount})", cancellationToken: ct);
            return false;
        });
        var bot = Asking(prompt, Ask("Your name?", "Your name, please"), r => $"Hello {r}");

        await bot.Flow()
            .Test("hi", "Your name?")
            .Test("Al", "Too short (attempt 1)")
            .Test("Jo", "Too short (attempt 2)")
            .Test("Sam", "Hello Sam")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_date_answer_is_read_the_british_way_in_a_flow()
    {
        // Sunday 22 November 2026, 23:30 in London: still the 22nd there.
        var time = new FixedTime(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        var bot = Asking(new DatePrompt("date", timeProvider: time), Ask("When?", "Please give a date, like 3/4/2026"), r => $"Date {(DateOnly)r!:yyyy-MM-dd}");

        await bot.Flow()
            .Test("hi", "When?")
            .Test("soon", "Please give a date, like 3/4/2026")
            .Test("31/2/2026", "Please give a date, like 3/4/2026")
            .Test("3/4/2026", "Date 2026-04-03")
            .StartTestAsync();
        await bot.Flow(new TestAdapter("c2")).Test("hi", "When?").Test("tomorrow", "Date 2026-11-23").StartTestAsync();
    }

    [Theory]
    [InlineData("3/4/2026", "2026-04-03")]
    [InlineData("03/04/2026", "2026-04-03")]
    [InlineData("3-4-26", "2026-04-03")]
    [InlineData("3 April 2026", "2026-04-03")]
    [InlineData("3rd April 2026", "2026-04-03")]
    [InlineData("3rd Apr, 2026", "2026-04-03")]
    [InlineData("April 3 2026", "2026-04-03")]
    [InlineData("Friday 3 April 2026", "2026-04-03")]
    [InlineData("2026-04-03", "2026-04-03")]
    [InlineData("3 April", "2026-04-03")]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("today", "2026-11-22")]
    [InlineData("Tomorrow", "2026-11-23")]
    [InlineData("yesterday", "2026-11-21")]
    [InlineData("next Monday", "2026-11-23")]
    [InlineData("monday", "2026-11-23")]
    [InlineData("next Sunday", "2026-11-29")]
    [InlineData("last Friday", "2026-11-20")]
    public void Dates_are_recognised_day_first_and_relative_to_today(string text, string expected)
    {
        var sunday = new DateOnly(2026, 11, 22);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DatePrompt.Recognize(text, sunday));
    }

    [Theory]
    [InlineData("")]
    [InlineData("whenever")]
    [InlineData("31/2/2026")]
    [InlineData("13/13/2026")]
    [InlineData("next month")]
    public void Non_dates_are_not_recognised(string text)
    {
        Assert.Null(DatePrompt.Recognize(text, new DateOnly(2026, 11, 22)));
    }
}
