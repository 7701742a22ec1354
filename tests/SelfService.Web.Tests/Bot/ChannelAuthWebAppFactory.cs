using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.Tests.Authentication;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// The real host with the bot's App ID set, so every channel request is authenticated: channel
/// keys come from a loopback key server, and outbound tokens from a loopback token endpoint.
/// The bot is the <see cref="DiagnosticBot"/>, watched so that tests can tell whether a turn ran at all.
/// </summary>
public sealed class ChannelAuthWebAppFactory : WebAppFactory
{
    public const string AppId = "9b7f0c2e-selfservice-bot";
    public const string AppPassword = "bot-client-secret";

    private ChannelIdentityServer? _identity;
    private TokenEndpointServer? _tokens;

    /// <summary>Every activity a turn was run for.</summary>
    public ConcurrentQueue<Activity> Turns { get; } = new();

    public ChannelIdentityServer Identity => _identity ?? throw new InvalidOperationException("Call StartServersAsync first.");

    public TokenEndpointServer Tokens => _tokens ?? throw new InvalidOperationException("Call StartServersAsync first.");

    public SigningKey TeamsKey { get; private set; } = null!;

    public async Task StartServersAsync()
    {
        _identity = await ChannelIdentityServer.StartAsync();
        _tokens = await TokenEndpointServer.StartAsync();
        TeamsKey = _identity.Publish("teams-key", "msteams");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // UseSetting, not ConfigureAppConfiguration: the bot's registration reads these while the
        // app's services are being added.
        builder.UseSetting("Bot:MicrosoftAppId", AppId);
        builder.UseSetting("Bot:MicrosoftAppPassword", AppPassword);
        builder.UseSetting("Bot:ToBotFromChannelOpenIdMetadataUrl", Identity.MetadataUrl);
        builder.UseSetting("Bot:ToChannelFromBotLoginUrl", Tokens.Authority);
        builder.UseSetting("Bot:ValidateAuthority", "false");
        builder.UseSetting("Bot:ConnectorRetryDelay", "00:00:00.010");
        builder.ConfigureTestServices(services =>
        {
            Tokens.TrustCertificate(services);
            services.RemoveAll<IBot>();
            services.AddTransient<IBot>(_ => new WatchedBot(new DiagnosticBot(), Turns));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        if (_tokens is not null)
        {
            await _tokens.DisposeAsync();
        }
    }

    private sealed class WatchedBot(IBot inner, ConcurrentQueue<Activity> turns) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            turns.Enqueue(turnContext.Activity);
            return inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
