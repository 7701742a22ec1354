using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Api;
using SelfService.Web.Hosting;

namespace SelfService.Web.Tests;

/// <summary>The real host, with its data directory in a throw-away folder and test-only endpoints.</summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public const string ThrowingPagePath = "/test/throw";
    public const string SecretExceptionText = "secret-detail-7f3a";

    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "selfservice-web-tests", Guid.NewGuid().ToString("N"));

    protected virtual string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting(AppPaths.DataDirectoryKey, DataDirectory);
        // Most tests need an empty, migrated store; the demo data tests turn seeding on themselves.
        builder.UseSetting("DemoData:SeedOnFirstRun", "false");
        // Tests change rows and look at the figures at once: no dashboard snapshots unless a test asks.
        builder.UseSetting("Dashboard:RefreshMinutes", "0");
        builder.ConfigureTestServices(services =>
        {
            services.AddApiEndpoints<TestApiEndpoints>();
            services.AddSingleton<IStartupFilter, ThrowingPageStartupFilter>();
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

    public sealed record EventDto(DateOnly Date, string Type);

    public sealed record EventsRequest(IReadOnlyList<EventDto> Events);

    private sealed class TestApiEndpoints : IApiEndpointGroup
    {
        public void Map(RouteGroupBuilder api)
        {
            var test = api.MapGroup("/test");
            test.MapPost("/events", (EventsRequest request) => TypedResults.Ok(new { count = request.Events.Count }));
            test.MapGet("/throw", IResult () => throw new InvalidOperationException(SecretExceptionText));
        }
    }

    // Added after the app's own pipeline so the app's exception handler sees the exception, as it
    // would for a failing page.
    private sealed class ThrowingPageStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate inner) =>
                context.Request.Path == ThrowingPagePath
                    ? throw new InvalidOperationException(SecretExceptionText)
                    : inner(context));
        };
    }
}

public sealed class ProductionWebAppFactory : WebAppFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the host refuses to start without the bot's App ID.
        builder.UseSetting("Bot:MicrosoftAppId", "00000000-0000-0000-0000-0000000000b0");
        builder.UseSetting("Bot:MicrosoftAppPassword", "not-a-real-secret");
    }
}
