using SelfService.Data;

namespace SelfService.Web.Hosting;

/// <summary>Settings for what the app does to its database when it starts.</summary>
public sealed class CaseStoreStartupOptions
{
    /// <summary>
    /// Apply migrations at startup (default). Turn off where a deployment step migrates first;
    /// /health/ready then reports the instance unready until the schema is current.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;
}

internal static class CaseStoreStartup
{
    public static IServiceCollection AddCaseStoreHosting(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        services.AddCaseStore(configuration, paths.DataDirectory);
        services.Configure<CaseStoreStartupOptions>(configuration.GetSection("Database"));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));
        services.AddHealthEndpoints();
        return services;
    }

    /// <summary>Brings the schema up to date, and seeds demo data on a first run where configured, before the first request.</summary>
    public static async Task PrepareCaseStoreAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Configuration.GetSection("Database").Get<CaseStoreStartupOptions>() ?? new CaseStoreStartupOptions();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseStoreMigrator>().MigrateAsync(cancellationToken);
        }

        await DemoDataCommand.SeedOnFirstRunAsync(app.Services, app.Logger, cancellationToken);
    }
}
