using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Conversations;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Dialogs.Conversations;
using SelfService.Domain.Timeline;
using SelfService.Web.Pages.Cases;

namespace SelfService.Web.Tests.Chat;

/// <summary>The portal's chat, through real Direct Line HTTP, as the demo cast would use it.</summary>
public sealed class ChatConversationTests(ChatWebAppFactory factory) : IClassFixture<ChatWebAppFactory>
{
    private string SamReference => DemoCast.SamCaseReference(factory.Today());

    private string LeoReference => DemoCast.CaseReference(factory.Today().AddDays(-20), DemoCast.LeoCaseNumber);

    [Fact]
    public async Task Helen_asks_about_Sam_and_gets_the_stage_and_dates_of_his_case_page()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        using var page = await helen.GetAsync($"/cases/{SamReference}");
        var doc = await Html.ParseAsync(page);
        var stage = doc.QuerySelector("#case-summary .govuk-tag")!.TextContent.Trim();
        var nextDeadlineValue = doc.QuerySelectorAll("#case-summary .govuk-summary-list__row")
            .Single(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == "Next deadline")
            .QuerySelector(".govuk-summary-list__value")!;
        var overdue = nextDeadlineValue.QuerySelector(".govuk-tag")?.TextContent.Trim();
        var nextDeadline = Regex.Match(nextDeadlineValue.TextContent.Trim(), @"^.*?: \d{1,2} \w+ \d{4}").Value;
        var nextStep = doc.QuerySelector("#next-step")!.TextContent.Trim();
        var caseworker = doc.QuerySelector("#caseworker-name")!.TextContent.Trim();
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);

        var replies = await chat.SayAsync("How is Sam getting on?");

        var text = WebChat.Texts(replies);
        Assert.Contains($"Status: {stage}.", text, StringComparison.Ordinal);
        Assert.Contains($"Next deadline: {nextDeadline}.", text, StringComparison.Ordinal);
        Assert.NotNull(overdue);
        Assert.Contains($"This is late: {overdue}.", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(CardText.Plain(nextStep), text, StringComparison.Ordinal);
        Assert.Contains(caseworker, text, StringComparison.Ordinal);
        var card = Assert.Single(WebChat.Cards(replies));
        var facts = card.GetProperty("body")[1].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(stage, facts["Status"]);
        Assert.Equal(SamReference, facts["Reference"]);
        Assert.Equal(nextDeadline, facts["Next deadline"]);
        Assert.EndsWith($"/cases/{SamReference}", card.GetProperty("actions")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helen_asks_about_Maisie_and_gets_the_review_date_of_her_plan_page()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        using var page = await helen.GetAsync($"/cases/plans/{DemoCast.MaisiePlanReference}");
        var doc = await Html.ParseAsync(page);
        var review = doc.QuerySelector("#next-review")!.TextContent.Trim();
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);

        var replies = await chat.SayAsync("what's the status of Maisie's plan?");

        var text = WebChat.Texts(replies);
        Assert.Contains($"EHC plan {DemoCast.MaisiePlanReference}", text, StringComparison.Ordinal);
        Assert.Contains("Status: In place.", text, StringComparison.Ordinal);
        Assert.Contains($"Next annual review by {review}.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_question_about_my_child_asks_which_child_and_answers_for_the_one_chosen()
    {
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);

        var question = await chat.SayAsync("how's my child doing?");

        var prompt = Assert.Single(question);
        Assert.Equal("Which child do you mean?", prompt.GetProperty("text").GetString());
        var choices = prompt.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
        Assert.Equal(["Maisie Carter", "Sam Carter"], choices);

        var answer = await chat.SayAsync("Sam Carter");

        Assert.Contains($"Sam Carter: request {SamReference}", WebChat.Texts(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_button_round_trips_and_talk_to_a_person_sends_the_caseworker_the_conversation()
    {
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);
        var status = await chat.SayAsync("status of Sam please");
        var talk = WebChat.Cards(status).Single().GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == "Talk to a person");

        var form = await chat.SubmitAsync(talk.GetProperty("data"));

        var formCard = Assert.Single(WebChat.Cards(form));
        var message = formCard.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "message");
        Assert.Equal("Your message", message.GetProperty("label").GetString());
        Assert.True(message.GetProperty("isRequired").GetBoolean());
        var send = formCard.GetProperty("actions")[0].GetProperty("data");
        Assert.Equal(SubmitActions.SendMessage, send.GetProperty("action").GetString());
        Assert.Equal(SamReference, send.GetProperty("reference").GetString());

        var sent = await chat.SubmitAsync(new
        {
            action = send.GetProperty("action").GetString(),
            reference = send.GetProperty("reference").GetString(),
            message = "Could someone call me about the advice, please?",
            includeTranscript = "true",
        });

        var confirmation = Assert.Single(WebChat.Cards(sent));
        var reference = confirmation.GetProperty("body")[0].GetProperty("items")[1].GetProperty("text").GetString()!["Your reference is ".Length..];
        Assert.StartsWith("MSG-", reference, StringComparison.Ordinal);
        Assert.Contains(reference, WebChat.Texts(sent), StringComparison.Ordinal);
        var (handoff, email) = await factory.WithStoreAsync(async db =>
        {
            var stored = await db.Set<ChatHandoff>().SingleAsync(h => h.Reference == reference);
            var outbox = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxEmail.KindPrefix + ChatHandoffs.EmailKind && m.Subject!.Contains(reference));
            return (stored, outbox);
        });
        Assert.Equal(DemoCast.SamCaseId, handoff.CaseId);
        Assert.Equal(DemoCast.CaseworkerEmail, handoff.Recipient);
        Assert.Equal(DemoCast.CaseworkerEmail, email.Recipient);
        Assert.Contains("User: status of Sam please", OutboxEmail.TextBody(email), StringComparison.Ordinal);
        Assert.Contains("Message: Could someone call me about the advice, please?", handoff.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_family_s_child_or_case_gets_exactly_the_answer_a_child_or_case_that_does_not_exist_gets()
    {
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);

        var leoByName = await chat.SayAsync("How is Leo doing?");
        var nobodyByName = await chat.SayAsync("How is Zachary doing?");
        var leoByReference = await chat.SayAsync($"What is the status of {LeoReference}?");
        var madeUpReference = await chat.SayAsync($"What is the status of EHC-{factory.Today().Year}-999999?");

        var expected = WebChat.Visible(nobodyByName);
        Assert.Equal(expected, WebChat.Visible(leoByName));
        Assert.Equal(expected, WebChat.Visible(leoByReference));
        Assert.Equal(expected, WebChat.Visible(madeUpReference));
        Assert.Empty(WebChat.Cards(leoByName));
        foreach (var reply in new[] { leoByName, leoByReference })
        {
            Assert.DoesNotContain(DemoCast.LeoLastName, WebChat.Visible(reply), StringComparison.Ordinal);
            Assert.DoesNotContain(LeoReference, WebChat.Visible(reply), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_out_visitor_gets_general_information_and_no_case_data()
    {
        using var chat = await factory.WebChatAsync(ChatUserIds.ForAnonymousVisitor());

        var status = await chat.SayAsync("How is Sam doing?");
        var byReference = await chat.SayAsync($"status of {SamReference}");
        var general = await chat.SayAsync("What is the 20 weeks?");

        foreach (var reply in new[] { status, byReference })
        {
            var visible = WebChat.Visible(reply);
            Assert.Contains("/sign-in", visible, StringComparison.Ordinal);
            Assert.DoesNotContain("Carter", visible, StringComparison.Ordinal);
            Assert.DoesNotContain("Daniel Price", visible, StringComparison.Ordinal);
            Assert.Empty(WebChat.Cards(reply));
        }

        Assert.Contains("20 weeks", WebChat.Texts(general), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Very_long_or_markup_input_gets_a_polite_answer_and_is_never_echoed()
    {
        using var chat = await factory.WebChatForAsync(DemoCast.ParentEmail);

        var tooLong = await chat.SayAsync(new string('a', 5000));
        var markup = await chat.SayAsync("<script>alert('x')</script> **Sam** [click](javascript:alert(1)) ${childName}");

        Assert.Contains("too long", WebChat.Texts(tooLong), StringComparison.Ordinal);
        var visible = WebChat.Visible(markup);
        Assert.DoesNotContain("<script", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**Sam**", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("${childName}", visible, StringComparison.Ordinal);
        Assert.NotEmpty(markup);
    }

    [Fact]
    public async Task A_portal_user_id_is_believed_only_on_the_portal_s_own_channel()
    {
        var helen = await factory.AccountIdAsync(DemoCast.ParentEmail);

        var replies = await factory.ViaApiMessagesAsync("directline", ChatUserIds.ForAccount(helen), $"conv-{Guid.NewGuid():N}", "How is Sam doing?");

        var text = string.Join("\n", replies.Select(r => r.Text));
        Assert.Contains("/chat/link", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Carter", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SamReference, text, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.True(r.Attachments is null || r.Attachments.Count == 0));
    }
}
