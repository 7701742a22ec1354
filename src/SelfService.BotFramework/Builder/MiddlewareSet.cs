namespace SelfService.BotFramework.Builder;

/// <summary>Middleware run in the order added, each wrapping the ones after it and finally the bot.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        return RunAsync(turnContext, 0, ct => next(ct), cancellationToken);
    }

    /// <summary>Runs the middleware, then the callback (when given and no middleware stopped the turn).</summary>
    public Task ReceiveActivityWithStatusAsync(
        ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, ct => callback is null ? Task.CompletedTask : callback(turnContext, ct), cancellationToken);

    private Task RunAsync(ITurnContext turnContext, int index, Func<CancellationToken, Task> last, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return last(cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext, ct => RunAsync(turnContext, index + 1, last, ct), cancellationToken);
    }
}
