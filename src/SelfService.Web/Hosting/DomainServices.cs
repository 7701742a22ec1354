using SelfService.Domain.Calendar;

namespace SelfService.Web.Hosting;

internal static class DomainServices
{
    public const string ServiceLevelsSection = "ServiceLevels";

    /// <summary>
    /// The calendar, today's UK date and the council's service levels (members' enquiries,
    /// complaints), which default to the reference table and can be changed per council.
    /// </summary>
    public static IServiceCollection AddDomainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UkClock>();
        services.AddSingleton(WorkingDayCalendar.EnglandAndWales);
        services.AddSingleton(configuration.GetSection(ServiceLevelsSection).Get<ServiceLevels>() ?? ServiceLevels.Default);
        return services;
    }
}
