using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// The channels' OpenID metadata with its signing keys and, from the same JWKS document, each
/// key's <c>endorsements</c> (the channel ids the key may sign for), so the two never disagree.
/// </summary>
internal sealed class ChannelOpenIdConfiguration : OpenIdConnectConfiguration
{
    public ChannelOpenIdConfiguration(string metadataJson, DateTimeOffset retrievedAt)
        : base(metadataJson)
    {
        RetrievedAt = retrievedAt;
    }

    public DateTimeOffset RetrievedAt { get; }

    /// <summary>Key id → endorsed channel ids, only for keys that carry an endorsements array.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements { get; set; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    public bool HasSigningKey(string keyId) =>
        SigningKeys.Any(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));
}
