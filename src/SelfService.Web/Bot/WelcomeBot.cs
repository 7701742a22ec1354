using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Web.Hosting;

namespace SelfService.Web.Bot;

/// <summary>
/// The bot until the SEND conversations arrive: it says hello, says plainly that it cannot yet
/// talk about a request or a plan in chat, and points to the portal pages that can.
/// </summary>
public sealed class WelcomeBot(IOptions<CouncilOptions> council) : ActivityHandler
{
    public const string NotYet =
        "I cannot yet answer questions about a request or a plan in this chat. Those conversations are coming soon.";

    public string Greeting =>
        $"Hello, I am the SEND Self-Service assistant for {council.Value.Name}'s special educational needs and disabilities (SEND) service.";

    public string WhatIsAvailableNow =>
        "For now, sign in to this website to ask for an EHC needs assessment (Your requests, /requests) or to see where a " +
        "request or plan is up to and what happens next (Your cases, /cases). The page /what-happens-and-when shows the " +
        $"time limits for any request date. To ask the SEND team a question, email {council.Value.SendTeamEmail}.";

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        // The bot joining is a member added too; greet only for people.
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await SendIntroductionAsync(turnContext, cancellationToken);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SendIntroductionAsync(turnContext, cancellationToken);

    private Task<ResourceResponse[]> SendIntroductionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync(
            [MessageFactory.Text(Greeting), MessageFactory.Text(NotYet), MessageFactory.Text(WhatIsAvailableNow)],
            cancellationToken);
}
