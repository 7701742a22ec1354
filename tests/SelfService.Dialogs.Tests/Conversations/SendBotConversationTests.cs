using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Dialogs.Conversations;
using SelfService.Domain.Appeals;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Timeline;

namespace SelfService.Dialogs.Tests.Conversations;

/// <summary>The bot's conversations at dialog level, over the demo case store (on each provider).</summary>
public abstract class SendBotConversationTests(ChatTestHost host)
{
    private string SamReference => DemoCast.SamCaseReference(host.Today);

    private string LeoReference => DemoCast.CaseReference(host.Today.AddDays(-20), DemoCast.LeoCaseNumber);

    private async Task<ChatSession> HelenAsync() => host.Session(await host.LinkedUserAsync(DemoCast.ParentEmail));

    [Fact]
    public async Task Which_child_is_asked_with_a_choice_and_the_answer_uses_the_domain_clock()
    {
        var chat = await HelenAsync();

        var prompt = Assert.Single(await chat.SayAsync("how's my child doing?"));
        Assert.Equal("Which child do you mean?", prompt.Text);
        Assert.Equal(["Maisie Carter", "Sam Carter"], prompt.SuggestedActions!.Actions!.Select(a => a.Title));

        var answer = await chat.SayAsync("Maisie");

        await using var scope = host.Services.CreateAsyncScope();
        var plan = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().EhcPlans.AsNoTracking().WithReviews().SingleAsync(p => p.Id == DemoCast.MaisiePlanId);
        var review = plan.NextReviewDueOn()!.Value;
        Assert.Contains($"Next annual review by {UkDate.DayMonthYear(review)}.", ChatSession.Texts(answer), StringComparison.Ordinal);
        var transfer = AnnualReviewClock.Calculate(plan.ToTimelineInput(), host.Today).Find(MilestoneKeys.PhaseTransferDeadline)!;
        var card = Assert.Single(answer, a => a.Attachments is { Count: > 0 }).Attachments![0];
        Assert.Contains(UkDate.DayMonthYear(transfer.Due), JsonSerializer.Serialize(card.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_start_again_work_in_the_middle_of_the_choice()
    {
        var chat = await HelenAsync();
        await chat.SayAsync("when will I hear about my child?");

        var help = await chat.SayAsync("help");
        var cancelled = await chat.SayAsync("start again");
        var afterwards = await chat.SayAsync("Sam Carter");

        Assert.Contains("I can tell you where a request or plan is up to", ChatSession.Texts(help), StringComparison.Ordinal);
        Assert.Contains(help, a => a.Text == "Which child do you mean?");
        Assert.Equal("OK, let's start again. What would you like to know?", Assert.Single(cancelled).Text);
        Assert.Contains($"Sam Carter: request {SamReference}", ChatSession.Texts(afterwards), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_subject_instead_of_choosing_a_child_answers_the_new_question()
    {
        var chat = await HelenAsync();
        await chat.SayAsync("what are the deadlines for my child?");

        var answer = await chat.SayAsync("what is an EHC plan?");
        var next = await chat.SayAsync("who is Sam's caseworker?");

        Assert.Contains("legal document", ChatSession.Texts(answer), StringComparison.Ordinal);
        Assert.DoesNotContain(answer, a => a.Text == "Which child do you mean?");
        Assert.Contains(DemoCast.CaseworkerName, ChatSession.Texts(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_request_links_into_the_portal_journey()
    {
        var chat = await HelenAsync();

        var reply = await chat.SayAsync("I want to start a request");

        Assert.Contains("/requests", ChatSession.Texts(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_s_own_reference_typed_loosely_finds_their_case()
    {
        var chat = await HelenAsync();

        var reply = await chat.SayAsync($"what's happening with {SamReference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}?");

        Assert.Contains($"Sam Carter: request {SamReference}", ChatSession.Texts(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_s_child_and_a_child_who_does_not_exist_get_the_same_answer()
    {
        var chat = await HelenAsync();

        var replies = new[]
        {
            await chat.SayAsync("is Leo's assessment late?"),
            await chat.SayAsync("is Poppy's assessment late?"),
            await chat.SayAsync($"is {LeoReference} late?"),
            await chat.SayAsync("is EHC-2019-123456 late?"),
        };

        var expected = Render(replies[0]);
        Assert.All(replies, r => Assert.Equal(expected, Render(r)));
        Assert.DoesNotContain("Walsh", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_user_who_has_not_linked_an_account_gets_general_information_only()
    {
        var stranger = host.Session($"stranger-{Guid.NewGuid():N}");

        var status = await stranger.SayAsync("How is Sam doing?");
        var caseworker = await stranger.SayAsync("who is my caseworker?");
        var general = await stranger.SayAsync("what is an EHC plan?");

        foreach (var reply in new[] { status, caseworker })
        {
            var text = ChatSession.Texts(reply);
            Assert.Contains("/chat/link", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Daniel Price", text, StringComparison.Ordinal);
            Assert.DoesNotContain(SamReference, text, StringComparison.Ordinal);
            Assert.All(reply, a => Assert.True(a.Attachments is null || a.Attachments.Count == 0));
        }

        Assert.Contains("legal document", ChatSession.Texts(general), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseworker_answer_names_them_and_offers_a_message_from_here()
    {
        var chat = await HelenAsync();

        var reply = await chat.SayAsync("who is Sam's caseworker?");

        Assert.Contains($"is {DemoCast.CaseworkerName} ({DemoCast.CaseworkerTeam} team)", ChatSession.Texts(reply), StringComparison.Ordinal);
        var card = JsonSerializer.SerializeToElement(Assert.Single(reply, a => a.Attachments is { Count: > 0 }).Attachments![0].Content);
        var submit = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Equal(SubmitActions.TalkToPerson, submit.GetProperty("data").GetProperty("action").GetString());
        Assert.Equal(SamReference, submit.GetProperty("data").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_submitted_message_with_a_reference_to_another_family_s_case_is_not_sent()
    {
        var chat = await HelenAsync();
        var value = JsonSerializer.SerializeToElement(new { action = SubmitActions.SendMessage, reference = LeoReference, message = "tell me about Leo" });
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var before = await db.OutboxMessages.CountAsync(m => m.Kind == OutboxEmail.KindPrefix + Data.Conversations.ChatHandoffs.EmailKind);

        var reply = await chat.SubmitAsync(value);

        Assert.StartsWith("I can't find a child or request", Assert.Single(reply).Text, StringComparison.Ordinal);
        Assert.Equal(before, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxEmail.KindPrefix + Data.Conversations.ChatHandoffs.EmailKind));
    }

    [Fact]
    public async Task Greetings_thanks_and_anything_else_get_an_honest_answer()
    {
        var chat = await HelenAsync();

        var hello = await chat.SayAsync("hello");
        var thanks = await chat.SayAsync("thanks");
        var other = await chat.SayAsync("what's the weather tomorrow?");

        Assert.Contains("Leeds City Council", ChatSession.Texts(hello), StringComparison.Ordinal);
        Assert.Contains(hello, a => a.Attachments is { Count: > 0 });
        Assert.StartsWith("You're welcome", ChatSession.Texts(thanks), StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I can't help with that.", ChatSession.Texts(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_gets_the_options_and_the_appeal_deadline_for_that_letter()
    {
        var letter = host.Today.AddDays(-3);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var commands = new CaseCommands(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>());
            await commands.ExecuteAsync(
                DemoCast.YoungPersonCaseId,
                new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow),
                c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), letter, false, "The evidence shows needs can be met from the school's resources."), new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow)),
                "case.decisionToAssess");
        }

        var jordan = host.Session(await host.LinkedUserAsync(DemoCast.YoungPersonEmail));

        var reply = ChatSession.Texts(await jordan.SayAsync("what can I do if the council says no?"));

        Assert.Contains("mediation", reply, StringComparison.Ordinal);
        Assert.Contains(AppealDeadline.Calculate(letter, null, WorkingDayCalendar.EnglandAndWales).Explanation, reply, StringComparison.Ordinal);
    }

    private static string Render(IEnumerable<BotFramework.Schema.Activity> activities) =>
        string.Join("\n---\n", activities.Select(a => $"{a.Text}|{JsonSerializer.Serialize(a.Attachments)}|{JsonSerializer.Serialize(a.SuggestedActions)}"));
}

public sealed class SqliteSendBotConversationTests(SqliteChatTestHost host) : SendBotConversationTests(host), IClassFixture<SqliteChatTestHost>;

public sealed class PostgresSendBotConversationTests(PostgresChatTestHost host) : SendBotConversationTests(host), IClassFixture<PostgresChatTestHost>;
