namespace SelfService.BotFramework.Builder;

/// <summary>A bot: handles one incoming activity per turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
