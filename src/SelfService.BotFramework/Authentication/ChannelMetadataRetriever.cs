using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// Reads the metadata document, then its <c>jwks_uri</c>. The stock OpenID retriever drops the
/// non-standard <c>endorsements</c> member of each key, so the JWKS is read here, once, for both.
/// </summary>
internal sealed class ChannelMetadataRetriever(TimeProvider clock) : IConfigurationRetriever<ChannelOpenIdConfiguration>
{
    public async Task<ChannelOpenIdConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        var configuration = new ChannelOpenIdConfiguration(metadata, clock.GetUtcNow());
        if (string.IsNullOrWhiteSpace(configuration.JwksUri))
        {
            throw new InvalidOperationException($"The OpenID metadata at {address} has no jwks_uri.");
        }

        var jwks = await retriever.GetDocumentAsync(configuration.JwksUri, cancel);
        configuration.JsonWebKeySet = new JsonWebKeySet(jwks);
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        configuration.Endorsements = ReadEndorsements(jwks);
        return configuration;
    }

    internal static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string jwks)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return endorsements;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = list.EnumerateArray()
                    .Where(item => item.ValueKind == JsonValueKind.String)
                    .Select(item => item.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        return endorsements;
    }
}
