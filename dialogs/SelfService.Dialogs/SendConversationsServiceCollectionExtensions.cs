using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Cards;
using SelfService.Data.Cases;
using SelfService.Data.Conversations;
using SelfService.Data.Enquiries;
using SelfService.Data.Requests;
using SelfService.Dialogs.Conversations;
using SelfService.Dialogs.Understanding;
using SelfService.Domain.Calendar;

namespace SelfService.Dialogs;

public static class SendConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SendBot"/> as the bot for every channel, with its dialogs, cards and the
    /// chat's own records (channel links, one-time codes, messages to a person). Configure
    /// <see cref="ConversationOptions"/> for the council's name, the SEND team's address and the portal's address.
    /// </summary>
    public static IServiceCollection AddSendConversations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConversationOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(WorkingDayCalendar.EnglandAndWales);
        services.TryAddSingleton(_ => CardTemplates.FromAppDirectory());
        services.TryAddSingleton<ChatClock>();
        services.TryAddScoped<CaseReader>();
        services.TryAddScoped<ChatLinks>();
        services.TryAddScoped<ChatHandoffs>();
        services.TryAddScoped<RequestDraftStore>();
        services.TryAddScoped<MemberEnquiryStore>();
        services.TryAddSingleton(ServiceLevels.Default);
        services.AddSendLanguageUnderstanding();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        services.TryAddSingleton<GeneralAnswers>();
        services.TryAddSingleton<CaseAnswers>();
        services.TryAddSingleton<SendCards>();
        services.TryAddSingleton<MemberEnquiryChat>();
        services.TryAddSingleton<SendConversation>();
        services.TryAddSingleton<MainDialog>();
        services.Replace(ServiceDescriptor.Transient<IBot, SendBot>());
        return services;
    }
}
