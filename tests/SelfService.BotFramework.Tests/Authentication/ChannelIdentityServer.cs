using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SelfService.BotFramework.Tests.Authentication;

/// <summary>
/// Plays the Bot Framework's token service: an OpenID metadata document and a JWKS of RSA keys
/// (with endorsements) on loopback, and tokens signed the way channels sign them.
/// </summary>
public sealed class ChannelIdentityServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly ConcurrentDictionary<string, PublishedKey> _published = new();
    private LoopbackServer _server = null!;
    private int _jwksRequests;

    private ChannelIdentityServer()
    {
    }

    public string MetadataUrl => _server.BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>How many times the JWKS has been fetched.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<ChannelIdentityServer> StartAsync()
    {
        var identity = new ChannelIdentityServer();
        identity._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new
            {
                issuer = Issuer,
                authorization_endpoint = "https://invalid.example/authorize",
                jwks_uri = identity._server.BaseUrl + "/v1/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
                token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            }));
            app.MapGet("/v1/keys", () =>
            {
                Interlocked.Increment(ref identity._jwksRequests);
                return Results.Text(identity.Jwks().ToJsonString(), "application/json");
            });
        });
        return identity;
    }

    /// <summary>A new key, published in the JWKS from now on.</summary>
    public SigningKey Publish(string keyId, params string[] endorsements)
    {
        var key = SigningKey.Create(keyId);
        _published[keyId] = new PublishedKey(key, endorsements);
        return key;
    }

    /// <summary>A key the JWKS does not list (a forger's). One RSA key serves every such key id:
    /// generating RSA keys is slow, and it only matters that none of them is published.</summary>
    public static SigningKey Unpublished(string keyId) => SigningKey.Stranger(keyId);

    public static string CreateToken(
        SigningKey key,
        string audience,
        string? serviceUrl,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["appid"] = "channel-app", ["ver"] = "1.0" };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).AddSeconds(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        foreach (var (keyId, published) in _published)
        {
            var parameters = published.Key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = keyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (published.Endorsements.Length > 0)
            {
                jwk["endorsements"] = new JsonArray([.. published.Endorsements.Select(e => JsonValue.Create(e))]);
            }

            keys.Add(jwk);
        }

        return new JsonObject { ["keys"] = keys };
    }

    public ValueTask DisposeAsync()
    {
        foreach (var published in _published.Values)
        {
            published.Key.Dispose();
        }

        return _server.DisposeAsync();
    }

    private sealed record PublishedKey(SigningKey Key, string[] Endorsements);
}

/// <summary>An RSA key with a key id, as a channel signs with.</summary>
public sealed class SigningKey : IDisposable
{
    private static readonly Lazy<RSA> StrangerRsa = new(() => RSA.Create(2048));

    private readonly bool _ownsRsa;

    private SigningKey(string keyId, RSA rsa, bool ownsRsa)
    {
        Rsa = rsa;
        _ownsRsa = ownsRsa;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    public static SigningKey Create(string keyId) => new(keyId, RSA.Create(2048), ownsRsa: true);

    internal static SigningKey Stranger(string keyId) => new(keyId, StrangerRsa.Value, ownsRsa: false);

    public void Dispose()
    {
        if (_ownsRsa)
        {
            Rsa.Dispose();
        }
    }
}
