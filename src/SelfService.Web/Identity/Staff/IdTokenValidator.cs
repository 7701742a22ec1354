using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SelfService.Web.Identity.Staff;

/// <summary>Why an ID token was refused, for the log (never the token itself).</summary>
public sealed record IdTokenCheck(ClaimsIdentity? Identity, string? Refusal)
{
    public bool IsValid => Identity is not null;

    public static IdTokenCheck Refused(string reason) => new(null, reason);
}

/// <summary>
/// Checks an ID token as OpenID Connect Core §3.1.3.7 asks: signed by a key from the provider's
/// JWKS, issued by the provider, to this client, within its lifetime, carrying the nonce this
/// sign-in sent; and <c>azp</c>/<c>at_hash</c> where present.
/// </summary>
public sealed class IdTokenValidator(OpenIdProviderMetadata metadata, IOptions<StaffSignInOptions> options)
{
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<IdTokenCheck> ValidateAsync(string idToken, string expectedNonce, string? accessToken, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we last read them.
            metadata.RequestRefresh();
            configuration = await metadata.GetAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        }

        if (!result.IsValid)
        {
            return IdTokenCheck.Refused($"the ID token failed validation ({result.Exception?.GetType().Name ?? "unknown"})");
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, expectedNonce))
        {
            return IdTokenCheck.Refused("the ID token's nonce is not the one this sign-in sent");
        }

        var clientId = options.Value.ClientId!;
        var audiences = token.Audiences.ToList();
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        if ((audiences.Count > 1 && !hasAzp) || (hasAzp && !string.Equals(azp, clientId, StringComparison.Ordinal)))
        {
            return IdTokenCheck.Refused("the ID token's authorised party (azp) is not this client");
        }

        if (token.TryGetPayloadValue<string>("at_hash", out var atHash) && accessToken is not null
            && !FixedTimeEquals(atHash, LeftHalfHash(accessToken, token.Alg)))
        {
            return IdTokenCheck.Refused("the ID token's at_hash does not match the access token");
        }

        return new IdTokenCheck(result.ClaimsIdentity, null);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        var settings = options.Value;
        var offered = configuration.IdTokenSigningAlgValuesSupported;
        return new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,

            // Only public-key algorithms: "none" and HMAC (keyed with the client secret) never.
            ValidAlgorithms = offered.Count == 0 ? AsymmetricAlgorithms : [.. AsymmetricAlgorithms.Intersect(offered, StringComparer.Ordinal)],
            NameClaimType = "name",
            RoleClaimType = "roles",
        };
    }

    /// <summary>OpenID Connect Core §3.1.3.8: base64url of the left half of the hash the token's algorithm uses.</summary>
    internal static string LeftHalfHash(string accessToken, string algorithm)
    {
        var bytes = Encoding.ASCII.GetBytes(accessToken);
        byte[] hash = algorithm[^3..] switch
        {
            "384" => SHA384.HashData(bytes),
            "512" => SHA512.HashData(bytes),
            _ => SHA256.HashData(bytes),
        };
        return PendingStaffSignIn.Base64Url(hash[..(hash.Length / 2)]);
    }

    private static bool FixedTimeEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
