using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Benchmarks;

/// <summary>
/// The real app in Development on Kestrel (loopback), with its own data directory, on SQLite or
/// (given a connection string) PostgreSQL. Any type of the web assembly names it; its own Program
/// would clash with this one.
/// </summary>
internal sealed class BenchmarkApp(
    string dataDirectory,
    string? connectionString,
    IReadOnlyDictionary<string, string> settings,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<SelfService.Web.Hosting.AppPaths>
{
    /// <summary>Test projects get the web app's content root from Mvc.Testing's build step; this exe says where it is (the scripts run from the repository root).</summary>
    public static void UseContentRootFromRepository() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SELFSERVICE_WEB", Path.GetFullPath(Path.Combine("src", "SelfService.Web")));

    /// <summary>Starts the app on a free loopback port and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var port = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First().Port;
        return new Uri($"http://127.0.0.1:{port}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DataDirectory", dataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        if (connectionString is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:CaseStore", connectionString);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
