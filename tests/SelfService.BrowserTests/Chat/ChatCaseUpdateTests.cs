using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.BotFramework.Builder;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Web.Chat;
using SelfService.Web.Hosting;

namespace SelfService.BrowserTests.Chat;

/// <summary>Helen Carter, signed in with Web Chat open, hears of a decision on Sam's case as it is recorded.</summary>
[Collection(ChatWithSendBot.Name)]
public sealed class ChatCaseUpdateTests(ChatWithSendBotFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await fixture.NewPageAsync();

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public Task A_decision_recorded_on_Sams_case_appears_in_Helens_open_chat() => Evidence.OnFailureScreenshotAsync(_page, async () =>
    {
        await fixture.SignInAsync(_page, DemoCast.ParentEmail);
        await _page.GotoAsync("/chat");
        await Assertions.Expect(_page.Locator(ChatPage.SendBox)).ToBeVisibleAsync();
        var (userId, conversationId) = await ChatPage.CurrentAsync(_page);
        Assert.Equal(ChatUsers.ForAccount(await AccountIdAsync(DemoCast.ParentEmail)), userId);
        // The page tells the bot it is connected; from then on case updates come to this conversation.
        var references = fixture.App.Services.GetRequiredService<IConversationReferenceStore>();
        await ChatPage.UntilAsync(
            async () => (await references.ListByUserAsync(userId, CancellationToken.None)).Any(r => r.Conversation?.Id == conversationId),
            "the open chat to be recorded as Helen's conversation");

        var today = fixture.App.Services.GetRequiredService<UkClock>().Today();
        var reference = DemoCast.SamCaseReference(today);
        const string Text = "We have decided to issue an EHC plan for Sam. We will send you a draft plan to comment on.";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var recording = new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow);
            await new CaseCommands(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>()).ExecuteAsync(
                DemoCast.SamCaseId,
                recording,
                c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), today, issue: true, reason: null), recording),
                "case.decisionToIssue",
                [OutboxChat.Create(DateTime.UtcNow, "decisionToIssue", DemoCast.ParentEmail, Text, reference, $"/cases/{reference}")]);
        }

        var update = ChatPage.Said(_page, "We have decided to issue an EHC plan for Sam.");
        await Assertions.Expect(update).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var link = update.GetByRole(AriaRole.Link, new() { NameString = $"See {reference} in your cases" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"{fixture.App.Origin}/cases/{reference}");
    });

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var normalised = AccountEmail.Normalise(email);
        return await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<UserAccount>()
            .Where(a => a.Email == normalised).Select(a => a.Id).SingleAsync();
    }
}
