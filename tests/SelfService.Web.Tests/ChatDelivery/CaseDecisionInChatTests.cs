using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.ChatDelivery;

/// <summary>A decision recorded the one way cases change reaches the family's open chat, through the running worker.</summary>
public sealed class CaseDecisionInChatTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    [Fact]
    public async Task A_decision_recorded_on_Sams_case_appears_in_Helens_chat()
    {
        var account = await ChatHarness.AccountAsync(factory, DemoCast.ParentEmail);
        using var client = factory.CreateClient();
        var conversation = await ChatHarness.ConnectAsync(factory, client, account);
        var today = factory.Today();
        var reference = DemoCast.SamCaseReference(today);
        const string Text = "We have decided to issue an EHC plan for Sam. We will send you a draft plan to comment on.";

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var recording = new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow);
            await new CaseCommands(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>()).ExecuteAsync(
                DemoCast.SamCaseId,
                recording,
                c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), today, issue: true, reason: null), recording),
                "case.decisionToIssue",
                [OutboxChat.Create(DateTime.UtcNow, "decisionToIssue", DemoCast.ParentEmail, Text, reference, $"/cases/{reference}")]);
        }

        await Eventually.WaitAsync(
            async () => (await ChatHarness.CaseUpdatesAsync(client, conversation)).Count > 0,
            "the decision to appear in Helen's conversation");
        var update = Assert.Single(await ChatHarness.CaseUpdatesAsync(client, conversation));
        Assert.StartsWith("We have decided to issue an EHC plan for Sam.", ChatHarness.Text(update), StringComparison.Ordinal);
        Assert.Contains($"/cases/{reference})", ChatHarness.Text(update), StringComparison.Ordinal);
    }
}
