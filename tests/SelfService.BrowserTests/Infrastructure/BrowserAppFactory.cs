using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Hosting;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel on a loopback port, so a real browser can reach it: Development,
/// a throw-away data directory, the Test-scale demo authority seeded at start, and email written
/// to a pickup folder the tests read sign-in codes from.
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _testServices = [];

    public BrowserAppFactory()
    {
        // Port 0: the OS picks a free port, so parallel runs on one machine never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The Direct Line secret the tests mint tokens with (server side only, as in production).</summary>
    public const string DirectLineSecret = "browser-tests-direct-line-secret";

    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "selfservice-browser-tests", Guid.NewGuid().ToString("N"));

    public string MailPickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    /// <summary>Where the started server listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Origin { get; private set; } = string.Empty;

    /// <summary>Adds test-only services (pages, bots); call before <see cref="Start"/>.</summary>
    public void ConfigureTestServices(Action<IServiceCollection> configure) => _testServices.Add(configure);

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Origin = addresses.Single().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(AppPaths.DataDirectoryKey, DataDirectory);
        builder.UseSetting($"{DemoDataOptions.SectionName}:{nameof(DemoDataOptions.SeedOnFirstRun)}", "true");
        builder.UseSetting($"{DemoDataOptions.SectionName}:{nameof(DemoDataOptions.Scale)}", "Test");
        builder.UseSetting("Email:PickupDirectory", MailPickupDirectory);
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _testServices)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
