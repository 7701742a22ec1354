using System.Collections.Concurrent;

namespace SelfService.BotFramework.Connector;

/// <summary>
/// In memory, per process. A proactive message after a restart goes only to a channel that has
/// since called again, which is what a channel's authenticated request proves.
/// </summary>
public sealed class TrustedServiceUrls : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.Ordinal);

    public void Trust(string serviceUrl)
    {
        if (Normalise(serviceUrl) is { } key)
        {
            _trusted.TryAdd(key, 0);
        }
    }

    public bool IsTrusted(string? serviceUrl) => Normalise(serviceUrl) is { } key && _trusted.ContainsKey(key);

    // Scheme and host are case-insensitive (Uri lower-cases them); a trailing slash is not significant.
    internal static string? Normalise(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
