using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Dialogs;
using SelfService.BotFramework.State;

namespace SelfService.BotFramework.Tests.Dialogs;

public sealed class WaterfallAndInterruptionTests
{
    [Fact]
    public async Task A_waterfall_asks_each_question_in_turn_and_ends_with_its_result()
    {
        var bot = new DialogTestBot(new ProfileDialog(), new MemoryStorage());

        await bot.Flow()
            .Test("hi", "What is your name?")
            .Test("Helen", "How old are you?")
            .Test("41", "Helen, aged 41. Is that right?")
            .Test("yes", "Saved Helen.")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.Results[^1].Status);
        Assert.Equal("Helen", bot.Results[^1].Result);
        Assert.All(bot.Results.Take(3), r => Assert.Equal(DialogTurnStatus.Waiting, r.Status));
    }

    [Fact]
    public async Task An_answer_the_validator_rejects_gets_the_retry_prompt_until_it_is_right()
    {
        var bot = new DialogTestBot(new ProfileDialog(), new MemoryStorage());

        await bot.Flow()
            .Test("hi", "What is your name?")
            .Test("Sam", "How old are you?")
            .Test("old enough", "Enter an age between 1 and 119.")
            .Test("200", "Enter an age between 1 and 119.")
            .Test("nine", "Sam, aged 9. Is that right?")
            .Test("maybe", "Sam, aged 9. Is that right?")
            .Test("nope", "Not saved.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_mid_dialog_answers_and_asks_the_same_question_again()
    {
        var bot = new DialogTestBot(new ProfileDialog(), new MemoryStorage());

        await bot.Flow()
            .Test("hi", "What is your name?")
            .Test("Helen", "How old are you?")
            .Test("help", ProfileDialog.HelpMessage, "How old are you?")
            .Test("41", "Helen, aged 41. Is that right?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_mid_dialog_ends_the_whole_dialog_and_the_next_message_starts_afresh()
    {
        var bot = new DialogTestBot(new ProfileDialog(), new MemoryStorage());

        await bot.Flow()
            .Test("hi", "What is your name?")
            .Test("Helen", "How old are you?")
            .Test("Cancel", ProfileDialog.CancelMessage)
            .Test("hello again", "What is your name?")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot.Results[2].Status);
        Assert.Null(bot.Results[2].Result);
    }

    [Fact]
    public async Task The_dialog_resumes_from_storage_in_a_new_adapter_and_bot()
    {
        var storage = new MemoryStorage();

        await new DialogTestBot(new ProfileDialog(), storage).Flow()
            .Test("hi", "What is your name?")
            .Test("Maisie", "How old are you?")
            .StartTestAsync();

        var restarted = new DialogTestBot(new ProfileDialog(), storage);
        await restarted.Flow(new TestAdapter())
            .Test("old", "Enter an age between 1 and 119.")
            .Test("7", "Maisie, aged 7. Is that right?")
            .Test("y", "Saved Maisie.")
            .StartTestAsync();

        var stored = await storage.ReadAsync(["test/conversations/conversation-1"]);
        Assert.Empty(stored["test/conversations/conversation-1"].Document["DialogState"]!["dialogStack"]!.AsArray());
    }

    [Fact]
    public async Task Another_conversation_does_not_see_this_ones_dialog()
    {
        var storage = new MemoryStorage();
        await new DialogTestBot(new ProfileDialog(), storage).Flow().Test("hi", "What is your name?").StartTestAsync();

        await new DialogTestBot(new ProfileDialog(), storage).Flow(new TestAdapter("conversation-2"))
            .Test("Helen", "What is your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_failed_turn_clears_the_conversation_state_through_the_clean_up_hook()
    {
        var storage = new MemoryStorage();
        var failing = new WaterfallDialog("failing", [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Say something") }, ct),
            (step, ct) => (string)step.Result! == "boom" ? throw new InvalidOperationException("step failed") : step.EndDialogAsync(step.Result, ct),
        ]);
        var root = new ComponentDialog("root");
        root.AddDialog(failing).AddDialog(new TextPrompt("text"));
        var bot = new DialogTestBot(root, storage);
        var adapter = new TestAdapter();
        var cleaner = new ConversationStateCleaner(bot.ConversationState);
        adapter.OnTurnError = async (context, exception) =>
        {
            await context.SendActivityAsync($"Sorry: {exception.Message}");
            await cleaner.ClearAsync(context, CancellationToken.None);
        };

        await bot.Flow(adapter)
            .Test("hi", "Say something")
            .Test("boom", "Sorry: step failed")
            .Test("again", "Say something")
            .StartTestAsync();
    }

    [Fact]
    public async Task Next_skips_a_step_without_waiting_and_replace_loops_without_growing_the_stack()
    {
        var storage = new MemoryStorage();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("loop", [
            (step, ct) => step.NextAsync(step.GetOptions<int>() + 1, ct),
            async (step, ct) =>
            {
                var round = (int)step.Result!;
                step.Values["round"] = round;
                if (round == 3)
                {
                    return await step.EndDialogAsync(round, ct);
                }

                return await step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"Round {round}") }, ct);
            },
            (step, ct) => step.ReplaceDialogAsync("loop", step.Values.GetValue<int>("round"), ct),
        ]));
        root.AddDialog(new TextPrompt("text"));
        var bot = new DialogTestBot(root, storage);

        await bot.Flow().Test("go", "Round 1").Test("more", "Round 2").StartTestAsync();
        var stored = await storage.ReadAsync(["test/conversations/conversation-1"]);
        var inner = stored["test/conversations/conversation-1"].Document["DialogState"]!["dialogStack"]![0]!["state"]!["dialogs"]!["dialogStack"]!.AsArray();
        Assert.Equal(["text", "loop"], inner.Select(i => i!["id"]!.GetValue<string>()));

        await bot.Flow(new TestAdapter()).Send("last").AssertNoReply().StartTestAsync();
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 3), bot.Results[^1]);
    }
}
