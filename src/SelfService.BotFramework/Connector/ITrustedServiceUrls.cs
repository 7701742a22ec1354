namespace SelfService.BotFramework.Connector;

/// <summary>The serviceUrls that have arrived on authenticated channel requests: the only places
/// the bot sends activities (and its token) to.</summary>
public interface ITrustedServiceUrls
{
    void Trust(string serviceUrl);

    bool IsTrusted(string? serviceUrl);
}
