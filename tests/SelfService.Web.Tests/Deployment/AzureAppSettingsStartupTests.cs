using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SelfService.Testing;

namespace SelfService.Web.Tests.Deployment;

/// <summary>
/// The app started with exactly the settings deploy/azure gives it (deployment-time values filled
/// in for the expressions), in Production on PostgreSQL: it starts, is ready, and believes the
/// App Service front end's forwarded https.
/// </summary>
public sealed class AzureAppSettingsStartupTests(AzureAppSettingsStartupTests.TemplateSettingsFactory factory)
    : IClassFixture<AzureAppSettingsStartupTests.TemplateSettingsFactory>
{
    private const string PublicHost = "send.example.gov.uk";

    [Fact]
    public async Task The_templates_settings_start_the_app_in_production_and_ready_on_postgresql()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Production", factory.Environment);
    }

    [Fact]
    public async Task Https_forwarded_by_the_front_end_is_believed()
    {
        var forwarded = await SendFromFrontEndAsync(forwardedProto: "https");
        var direct = await SendFromFrontEndAsync(forwardedProto: null);

        // HSTS is sent on https requests only, so it shows which scheme the app believed. The front
        // end is not on loopback, the only proxy believed without this setting.
        Assert.Equal(StatusCodes.Status200OK, forwarded.Response.StatusCode);
        Assert.True(forwarded.Response.Headers.ContainsKey("Strict-Transport-Security"), "the forwarded https was not believed");
        Assert.Equal(IPAddress.Parse("203.0.113.7"), forwarded.Connection.RemoteIpAddress);
        Assert.False(direct.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private Task<HttpContext> SendFromFrontEndAsync(string? forwardedProto)
    {
        _ = factory.Server; // starts the host
        return factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/health/live";
            context.Request.Host = new HostString(PublicHost);
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            }
        });
    }

    /// <summary>
    /// The template's literal values as they are; for each expression, a value of the kind the
    /// deployment supplies. A new expression-valued setting fails here until it is given one.
    /// </summary>
    private static Dictionary<string, string> Resolve(IReadOnlyList<(string Name, string Value)> settings, string connectionString)
    {
        var tenant = "11111111-2222-3333-4444-555555555555";
        var deployed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__CaseStore"] = connectionString,
            ["Council__Name"] = "Example City Council",
            ["Council__FeedbackEmail"] = "send.feedback@example.gov.uk",
            ["Council__SendTeamEmail"] = "send.team@example.gov.uk",
            ["Council__DataProtectionEmail"] = "data.protection@example.gov.uk",
            ["Requests__PortalBaseUrl"] = $"https://{PublicHost}/",
            ["Bot__MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["Bot__MicrosoftAppPassword"] = "bot-client-secret-from-key-vault",
            ["Bot__MicrosoftAppTenantId"] = tenant,
            ["DirectLine__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["DirectLine__TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["SignIn__CodeKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["StaffSignIn__Authority"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["StaffSignIn__ClientId"] = "00000000-0000-0000-0000-0000000000c1",
            ["StaffSignIn__ClientSecret"] = "staff-client-secret-from-key-vault",
            ["StaffSignIn__PublicOrigin"] = $"https://{PublicHost}",
            ["Email__From"] = "Example SEND team <send.noreply@example.gov.uk>",
            ["Email__Smtp__Host"] = "smtp.example.gov.uk",
            ["Email__Smtp__Port"] = "587",
            ["Email__Smtp__EnableSsl"] = "True",
            ["Email__Smtp__UserName"] = "send.noreply",
            ["Email__Smtp__Password"] = "smtp-password-from-key-vault",
            ["Documents__ClamAvHost"] = string.Empty,
        };

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings)
        {
            if (!value.StartsWith('['))
            {
                resolved[name] = value;
            }
            else
            {
                Assert.True(deployed.TryGetValue(name, out var given), $"{name} = {value}: give the test a deployment-time value for it");
                resolved[name] = given!;
            }
        }

        return resolved;
    }

    /// <summary>The real host on a PostgreSQL database of its own, configured as the template configures it.</summary>
    public sealed class TemplateSettingsFactory : WebAppFactory, IAsyncLifetime
    {
        private PostgresScratchDatabase? _database;
        private Dictionary<string, string>? _settings;

        public string Environment => Settings["ASPNETCORE_ENVIRONMENT"];

        protected override string EnvironmentName => Environment;

        private Dictionary<string, string> Settings => _settings ?? throw new InvalidOperationException("Not initialised.");

        public async Task InitializeAsync()
        {
            _database = await PostgresScratchDatabase.CreateAsync("selfservice_azure");
            _settings = Resolve(ArmTemplate.Load().AppSettings, _database.ConnectionString);
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (name, value) in Settings)
            {
                switch (name)
                {
                    case "ASPNETCORE_ENVIRONMENT":
                        break;
                    case "DataDirectory":
                        // App Service's shared /home; the test keeps the factory's own folder.
                        Assert.StartsWith("/home/", value, StringComparison.Ordinal);
                        break;
                    case var host when host.StartsWith("ASPNETCORE_", StringComparison.Ordinal):
                        // As environment variables these lose the prefix on their way into configuration.
                        builder.UseSetting(host["ASPNETCORE_".Length..], value);
                        break;
                    default:
                        builder.UseSetting(ArmTemplate.ConfigurationKey(name), value);
                        break;
                }
            }
        }
    }
}
