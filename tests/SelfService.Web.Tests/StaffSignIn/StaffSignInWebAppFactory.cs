using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfService.Web.Api;
using SelfService.Web.Identity;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.SignIn;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>
/// The real host as in production (secure cookies, so clients use https://localhost), with staff
/// sign-in pointed at a loopback OpenID Provider, a movable clock, the log kept, and a test
/// endpoint answering with the signed-in viewer.
/// </summary>
public sealed class StaffSignInWebAppFactory(Uri authority, string clientSecret = LoopbackOpenIdProvider.DefaultClientSecret) : WebAppFactory
{
    public const string Origin = "https://localhost";

    public const string ViewerPath = "/api/test/staff-viewer";

    /// <summary>Behind the <see cref="StaffAuthorization.Manager"/> policy: 403 for anyone but a service manager or administrator.</summary>
    public const string ManagersOnlyPath = "/api/test/managers-only";

    public const string CaseworkerRole = "SEND.Caseworker";

    public const string ManagerRole = "SEND.ServiceManager";

    /// <summary>An Entra ID group's object ID, mapped to Administrator.</summary>
    public const string AdministratorsGroup = "8d3c2f4e-5a1b-4c6d-9e8f-0a1b2c3d4e5f";

    public static readonly string CallbackUri = Origin + "/staff/sign-in/callback";

    public static readonly string SignedOutUri = Origin + "/staff/signed-out";

    public MovableTime Time { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override string EnvironmentName => "Production";

    /// <summary>A client that keeps cookies, shows redirects, and talks HTTPS so secure cookies come back.</summary>
    public HttpClient CreateAppClient() => PortalSignIn.CreateClient(this, Origin);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:MicrosoftAppId", "00000000-0000-0000-0000-0000000000b0");
        builder.UseSetting("Bot:MicrosoftAppPassword", "not-a-real-secret");
        builder.UseSetting("StaffSignIn:Authority", authority.ToString());
        builder.UseSetting("StaffSignIn:ClientId", LoopbackOpenIdProvider.DefaultClientId);
        builder.UseSetting("StaffSignIn:ClientSecret", clientSecret);
        builder.UseSetting($"StaffSignIn:RoleMappings:{CaseworkerRole}", "Caseworker");
        builder.UseSetting($"StaffSignIn:RoleMappings:{ManagerRole}", "ServiceManager");
        builder.UseSetting($"StaffSignIn:RoleMappings:{AdministratorsGroup}", "Administrator");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddApiEndpoints<StaffViewerEndpoint>();
        });
    }

    /// <summary>A loopback port nothing listens on: a provider that is down.</summary>
    public static Uri UnreachableAuthority()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private sealed class StaffViewerEndpoint : IApiEndpointGroup
    {
        public void Map(RouteGroupBuilder api)
        {
            api.MapGet("/test/staff-viewer", async (IPortalUser user, CancellationToken cancellationToken) =>
            {
                var viewer = await user.GetViewerAsync(cancellationToken);
                return TypedResults.Ok(new ViewerDto(ViewerWire.From(viewer), true, user.IsSignedIn, user.AccountId, user.Email));
            });
            api.MapGet("/test/managers-only", () => TypedResults.Ok("manager")).RequireAuthorization(StaffAuthorization.Manager);
        }
    }
}
