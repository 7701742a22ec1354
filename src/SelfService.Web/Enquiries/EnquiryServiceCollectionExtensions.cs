using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Enquiries;
using SelfService.Web.Api;

namespace SelfService.Web.Enquiries;

public static class MembersEnquiryServiceCollectionExtensions
{
    /// <summary>Members' enquiries: the stores, the work-tray source, the escalation worker, the figures API; sign-in required under /members.</summary>
    public static IServiceCollection AddMembersEnquiries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EnquiryOptions>()
            .Bind(configuration.GetSection(EnquiryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMembersEnquiryStore();
        services.AddScoped<EnquiryContact>();
        services.AddScoped<ConsentEvidenceUploads>();
        services.AddScoped<Pages.Staff.Enquiries.StaffDirectory>();
        services.AddScoped<Pages.Members.Enquiries.EnquiryPageServices>();
        services.AddHostedService<EnquiryEscalationWorker>();
        services.AddApiEndpoints<EnquiryFiguresApi>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Members"));
        return services;
    }
}
