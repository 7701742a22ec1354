namespace SelfService.BotFramework.Cards;

/// <summary>
/// A card template uses something outside the supported templating subset, or is not valid JSON.
/// Thrown rather than ignored, so an unsupported binding shows up when the card is first expanded
/// instead of reaching a user as literal <c>${…}</c> text.
/// </summary>
public sealed class CardTemplateException : Exception
{
    public CardTemplateException() { }

    public CardTemplateException(string message) : base(message) { }

    public CardTemplateException(string message, Exception innerException) : base(message, innerException) { }
}
