using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.State;

/// <summary>One named property of a <see cref="BotState"/>, read and written within a turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// The property's value. When it has none, the factory's value is stored and returned (or,
    /// without a factory, <c>default</c>). Within a turn every call returns the same object, so
    /// changes made to it are saved with the state.
    /// </summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
