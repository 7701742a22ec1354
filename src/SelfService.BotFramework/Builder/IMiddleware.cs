namespace SelfService.BotFramework.Builder;

/// <summary>Runs around every turn, before and after the bot; skip <c>next</c> to stop the turn.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
