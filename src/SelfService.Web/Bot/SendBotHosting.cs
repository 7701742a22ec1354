using Microsoft.Extensions.Options;
using SelfService.Dialogs;
using SelfService.Dialogs.Conversations;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Bot;

public static class SendBotHosting
{
    /// <summary>
    /// The SEND conversations as the bot on every channel, speaking for the configured council and
    /// linking to the portal's public address (section "Conversations" may override either).
    /// </summary>
    public static IServiceCollection AddSendBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSendConversations();
        services.AddOptions<ConversationOptions>()
            .Configure<IOptions<CouncilOptions>, IOptions<RequestOptions>>((chat, council, requests) =>
            {
                chat.CouncilName = council.Value.Name;
                chat.SendTeamEmail = council.Value.SendTeamEmail;
                chat.PortalBaseUrl = requests.Value.PortalBaseUrl;
            })
            .Bind(configuration.GetSection(ConversationOptions.SectionName));
        return services;
    }
}
