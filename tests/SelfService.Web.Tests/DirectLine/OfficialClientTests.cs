using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using SelfService.BotFramework.Builder;
using SelfService.Web.Tests.Bot;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.DirectLine;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>
/// The proof that Web Chat can talk to the channel: Microsoft's own Direct Line client
/// (botframework-directlinejs, the version Web Chat bundles) runs in Node against the real app
/// on Kestrel with the diagnostic bot, over WebSocket and over polling. The script is <c>tests/js/directline-client.test.js</c>.
/// </summary>
public sealed class OfficialClientTests : IDisposable
{
    private readonly DiagnosticBotFactory _factory = new();

    [Fact]
    public async Task Microsofts_direct_line_client_works_against_the_channel_over_websocket_and_polling()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Scheme == "http");
        var root = new Uri($"http://127.0.0.1:{address.Port}");
        using var client = new HttpClient { BaseAddress = root };

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (_, wsToken) = await DirectLineAppFactory.GenerateAsync(client, $"ws-user-{suffix}", "Helen");
        var (_, pollToken) = await DirectLineAppFactory.GenerateAsync(client, $"poll-user-{suffix}");
        var (_, otherToken) = await DirectLineAppFactory.GenerateAsync(client, $"other-user-{suffix}");
        var expired = _factory.Services.GetRequiredService<DirectLineTokens>()
            .IssueConversationToken($"late-user-{suffix}", null, DirectLineChannel.NewConversationId(), DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromMinutes(30));

        var scripts = Path.Combine(RepositoryRoot(), "tests", "js");
        await Support.NodeScripts.InstallAsync(scripts);
        var (exitCode, output) = await Support.NodeScripts.RunAsync("node", ["directline-client.test.js"], scripts, new Dictionary<string, string>
        {
            ["DL_DOMAIN"] = new Uri(root, "/v3/directline").ToString(),
            ["DL_TOKEN_WS"] = wsToken,
            ["DL_USER_WS"] = $"ws-user-{suffix}",
            ["DL_TOKEN_POLL"] = pollToken,
            ["DL_USER_POLL"] = $"poll-user-{suffix}",
            ["DL_TOKEN_OTHER"] = otherToken,
            ["DL_TOKEN_EXPIRED"] = expired,
        });

        Assert.True(exitCode == 0, $"The Direct Line client script failed (exit {exitCode}):\n{output}");
        Assert.Contains("7 passed, 0 failed", output, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The shared diagnostic bot, registered after (so instead of) the echo bot.</summary>
    private sealed class DiagnosticBotFactory : DirectLineAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IBot, DiagnosticBot>());
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with SelfService.sln) was not found.");
    }
}
