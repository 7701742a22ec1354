namespace SelfService.BotFramework.Connector;

/// <summary>
/// The bot was asked to send to a serviceUrl that never arrived on an authenticated channel
/// request. Nothing was sent: the bot's token must not go to an address an attacker chose.
/// </summary>
public sealed class UntrustedServiceUrlException : InvalidOperationException
{
    public UntrustedServiceUrlException()
    {
    }

    public UntrustedServiceUrlException(string message)
        : base(message)
    {
    }

    public UntrustedServiceUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static UntrustedServiceUrlException For(string? serviceUrl) => new(
        $"Refusing to send to serviceUrl '{serviceUrl}': it has not arrived on an authenticated channel request.")
    {
        ServiceUrl = serviceUrl,
    };

    public string? ServiceUrl { get; private init; }
}
