namespace SelfService.BotFramework.Connector;

/// <summary>How hard the bot tries to deliver to a channel. Bound from the <c>Bot</c> section.</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>Attempts per call, the first included, on 429, 5xx and network failures.</summary>
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>First back-off when the channel gives no <c>Retry-After</c>; doubled each attempt.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait. A channel asking (by <c>Retry-After</c>) for longer is not retried:
    /// a user is waiting for the reply.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
