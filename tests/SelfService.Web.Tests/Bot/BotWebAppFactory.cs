using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.BotFramework.Builder;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// The real host in Development with no App ID (channel authentication off, as with the
/// Emulator), the <see cref="DiagnosticBot"/> in place of the product's bot, and a loopback
/// channel on a real port that the bot's replies are posted to.
/// </summary>
public class BotWebAppFactory : WebAppFactory, IAsyncLifetime
{
    private LoopbackChannel? _channel;

    public LoopbackChannel Channel => _channel ?? throw new InvalidOperationException("The loopback channel has not started.");

    public async Task InitializeAsync() => _channel = await LoopbackChannel.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IBot>();
            services.AddTransient<IBot, DiagnosticBot>();
            services.AddSingleton<IChannelConnector, LoopbackConnector>();
        });
    }
}
