using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// Client-credentials tokens for <c>https://api.botframework.com/.default</c> from the Microsoft
/// identity platform. MSAL caches them in memory and fetches a new one shortly before expiry, so
/// this is called for every outgoing request.
/// </summary>
public sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    public const string HttpClientName = "SelfService.BotFramework.Msal";

    private readonly IConfidentialClientApplication? _application;
    private readonly string[] _scopes;
    private readonly bool _missingSecret;

    public MsalAccessTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _scopes = [settings.ToChannelFromBotOAuthScope];
        if (!settings.IsAuthenticationEnabled)
        {
            return;
        }

        // Reported when a token is first needed, not here: this is built with the adapter, and a
        // missing secret must not stop inbound requests from being authenticated (and refused).
        if (string.IsNullOrWhiteSpace(settings.MicrosoftAppPassword))
        {
            _missingSecret = true;
            return;
        }

        _application = ConfidentialClientApplicationBuilder
            .Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority(settings.EffectiveLoginUrl, settings.ValidateAuthority)
            .WithInstanceDiscovery(settings.ValidateAuthority)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_missingSecret)
        {
            throw new InvalidOperationException("Bot:MicrosoftAppPassword must be set when Bot:MicrosoftAppId is, to send to channels.");
        }

        if (_application is null)
        {
            return null;
        }

        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
