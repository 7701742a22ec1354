using Microsoft.Extensions.DependencyInjection;
using SelfService.Data.WorkTray;

namespace SelfService.Data.Enquiries;

public static class EnquiryServiceCollectionExtensions
{
    /// <summary>The members' enquiry stores, the escalator, the figures and the work-tray source.</summary>
    public static IServiceCollection AddMembersEnquiryStore(this IServiceCollection services)
    {
        services.AddScoped<MemberEnquiryStore>();
        services.AddScoped<EnquiryInbox>();
        services.AddScoped<EnquiryEscalator>();
        services.AddScoped<EnquiryFigures>();
        services.AddScoped<IWorkItemSource, EnquiryWorkItemSource>();
        return services;
    }
}
