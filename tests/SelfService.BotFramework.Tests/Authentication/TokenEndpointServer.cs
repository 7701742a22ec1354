using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Authentication;

namespace SelfService.BotFramework.Tests.Authentication;

/// <summary>
/// Plays the Microsoft identity platform's token endpoint for client credentials, over HTTPS on
/// loopback (MSAL refuses plain HTTP authorities), handing out a new opaque token each time.
/// </summary>
public sealed class TokenEndpointServer : IAsyncDisposable
{
    public const string Tenant = "test-tenant";

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private LoopbackServer _server = null!;
    private X509Certificate2 _certificate = null!;
    private int _issued;

    private TokenEndpointServer()
    {
    }

    /// <summary>The authority to configure as <c>Bot:ToChannelFromBotLoginUrl</c>.</summary>
    public string Authority => _server.BaseUrl + "/" + Tenant;

    /// <summary>The form fields of each token request.</summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> Requests => _requests;

    /// <summary>The token most recently handed out.</summary>
    public string? LastToken { get; private set; }

    public static async Task<TokenEndpointServer> StartAsync()
    {
        var endpoint = new TokenEndpointServer { _certificate = LoopbackServer.CreateLoopbackCertificate() };
        endpoint._server = await LoopbackServer.StartAsync(
            app => app.MapPost("/" + Tenant + "/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                endpoint._requests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                var token = "channel-access-token-" + Interlocked.Increment(ref endpoint._issued);
                endpoint.LastToken = token;
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = token });
            }),
            endpoint._certificate);
        return endpoint;
    }

    /// <summary>The settings that point the bot's outbound tokens here.</summary>
    public void AddSettings(IDictionary<string, string?> settings)
    {
        settings["Bot:ToChannelFromBotLoginUrl"] = Authority;
        settings["Bot:ValidateAuthority"] = "false";
    }

    /// <summary>Makes MSAL's HTTP client trust this server's self-signed certificate, and only it.</summary>
    public void TrustCertificate(IServiceCollection services)
    {
        var thumbprint = _certificate.Thumbprint;
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }
}
