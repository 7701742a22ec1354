using System.Collections.Concurrent;

namespace SelfService.BotFramework.Builder;

/// <summary>
/// Service URLs the bot may send to. A URL is trusted only once a request carrying it has
/// authenticated, so an unauthenticated caller cannot make the bot post (with its channel token)
/// to an address of the caller's choosing.
/// </summary>
public interface ITrustedServiceUrls
{
    void Trust(string serviceUrl);

    bool IsTrusted(string? serviceUrl);
}

/// <summary>Trusted service URLs held in memory, compared without case and trailing slash.</summary>
public sealed class TrustedServiceUrls : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        _urls.TryAdd(Normalise(serviceUrl), 0);
    }

    public bool IsTrusted(string? serviceUrl) =>
        !string.IsNullOrWhiteSpace(serviceUrl) && _urls.ContainsKey(Normalise(serviceUrl));

    private static string Normalise(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');
}
