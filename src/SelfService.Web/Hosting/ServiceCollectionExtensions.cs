using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SelfService.Web.Api;

namespace SelfService.Web.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Resolves and creates the data directory now, so registrations that need a file path
    /// (the case store's SQLite file, the email pickup folder) can use the returned instance.
    /// </summary>
    public static AppPaths AddAppPaths(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var paths = new AppPaths(environment.ContentRootPath, configuration[AppPaths.DataDirectoryKey]);
        services.AddSingleton(paths);
        return paths;
    }

    /// <summary>The web host itself: pages, API plumbing, errors and security headers.</summary>
    public static IServiceCollection AddSelfServiceWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CouncilOptions>()
            .Bind(configuration.GetSection(CouncilOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddRazorPages();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            ApiErrors.AddTraceId(context.HttpContext, context.ProblemDetails));
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Minimal APIs only throw on bad input in Development unless told to; throwing everywhere
        // lets ApiExceptionHandler name the JSON field at fault in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);

        return services;
    }
}
