using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Data.WorkTray;

public static class WorkTrayServiceCollectionExtensions
{
    /// <summary>The tray and its case sources; enquiries and complaints register their own sources.</summary>
    public static IServiceCollection AddCaseWorkTray(this IServiceCollection services)
    {
        services.AddScoped<IWorkItemSource, CaseWorkItemSource>();
        services.AddScoped<IWorkItemSource, AnnualReviewWorkItemSource>();
        services.AddScoped<WorkTrayQuery>();
        services.AddScoped<Casework.CaseActions>();
        services.AddScoped<Casework.OfflineRequestRecorder>();
        return services;
    }
}
