using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.Dialogs.Conversations;

namespace SelfService.Dialogs.Understanding;

public static class LanguageUnderstandingServiceCollectionExtensions
{
    /// <summary>The offline recogniser, trained once at start-up on the shipped corpus, as the conversation's reader.</summary>
    public static IServiceCollection AddSendLanguageUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatClock>();
        // A factory, not a constructor pick: the container would happily supply an empty training set.
        services.TryAddSingleton<IIntentRecogniser>(_ => new SendLanguageUnderstanding());
        services.Replace(ServiceDescriptor.Singleton<IAskReader, RecognisedAskReader>());
        return services;
    }
}
