using Microsoft.Extensions.DependencyInjection;
using SelfService.Data.WorkTray;

namespace SelfService.Data.Complaints;

public static class ComplaintServiceCollectionExtensions
{
    /// <summary>The complaint store, its figures and its work-tray rows. Needs <c>ServiceLevels</c>, the calendar and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddScoped<ComplaintStore>();
        services.AddScoped<ComplaintFigures>();
        services.AddScoped<IWorkItemSource, ComplaintWorkItemSource>();
        return services;
    }
}
