using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SelfService.Web.Identity.Staff;

/// <summary>The provider's metadata could not be had (unreachable, not JSON, or not this provider's).</summary>
public sealed class ProviderMetadataException : Exception
{
    public ProviderMetadataException()
    {
    }

    public ProviderMetadataException(string message)
        : base(message)
    {
    }

    public ProviderMetadataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The provider's discovery document and signing keys, fetched and cached by IdentityModel's
/// <see cref="ConfigurationManager{T}"/> (refreshed daily, or sooner when a token names a key it has
/// not seen, which is how a provider's key rotation reaches us).
/// </summary>
public sealed class OpenIdProviderMetadata
{
    public const string HttpClientName = "StaffSignIn";

    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _manager;
    private readonly string? _expectedIssuer;

    public OpenIdProviderMetadata(IOptions<StaffSignInOptions> options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        if (options.Value.Authority is not { } authority)
        {
            return;
        }

        _expectedIssuer = authority.OriginalString.TrimEnd('/');
        var address = $"{_expectedIssuer}/.well-known/openid-configuration";
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // Plain HTTP passes options validation only for a provider on loopback (the tests').
            RequireHttps = authority.Scheme == Uri.UriSchemeHttps,
        };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        if (_manager is null)
        {
            throw new InvalidOperationException("Staff sign-in is not configured.");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new ProviderMetadataException("The identity provider's metadata could not be read.", e);
        }

        // OpenID Connect Discovery 1.0 §4.3: the metadata must name the issuer it was fetched for,
        // or a document served from elsewhere could redirect where tokens are checked against.
        if (!string.Equals(configuration.Issuer?.TrimEnd('/'), _expectedIssuer, StringComparison.Ordinal))
        {
            throw new ProviderMetadataException("The identity provider's metadata names a different issuer from StaffSignIn:Authority.");
        }

        if (string.IsNullOrEmpty(configuration.AuthorizationEndpoint) || string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            throw new ProviderMetadataException("The identity provider's metadata has no authorization or token endpoint.");
        }

        return configuration;
    }

    /// <summary>Asks for fresh metadata and keys on the next <see cref="GetAsync"/> (rate-limited by IdentityModel).</summary>
    public void RequestRefresh() => _manager?.RequestRefresh();
}
