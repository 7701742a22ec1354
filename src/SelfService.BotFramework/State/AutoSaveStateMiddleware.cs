using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

/// <summary>
/// Saves the given states after every turn that finished (Bot Builder's AutoSaveStateMiddleware),
/// and handles a lost race the way docs/decisions/0006-bot-state-concurrency.md decides: the
/// turn is not retried; the other turn's state stands, and the user is told their message
/// crossed with another and to check the latest answer. Nothing is cleared.
/// </summary>
public sealed class AutoSaveStateMiddleware : IMiddleware
{
    /// <summary>What the user is told when their turn lost a race with another turn of theirs.</summary>
    public const string LostRaceText =
        "Your last two messages arrived at the same time, so I have only acted on one of them. Please check my latest answer, then carry on from there.";

    private readonly IReadOnlyList<BotState> _states;

    public AutoSaveStateMiddleware(params BotState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        _states = states;
    }

    public AutoSaveStateMiddleware(IEnumerable<BotState> states) : this(states?.ToArray() ?? throw new ArgumentNullException(nameof(states)))
    {
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);

        var lost = false;
        foreach (var state in _states)
        {
            try
            {
                await state.SaveChangesAsync(turnContext, false, cancellationToken);
            }
            catch (StorageConcurrencyException)
            {
                // Each state is its own document: losing one race does not stop the others saving.
                lost = true;
            }
        }

        if (lost)
        {
            await turnContext.SendActivityAsync(LostRaceText, cancellationToken: cancellationToken);
        }
    }
}
