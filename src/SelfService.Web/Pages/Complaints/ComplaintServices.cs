using Microsoft.Extensions.Options;
using SelfService.Data.Complaints;
using SelfService.Data.Requests;
using SelfService.Web.Api;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Complaints;

public static class ComplaintServices
{
    public const string Portal = "portal";

    /// <summary>Complaints: the store, figures, work-tray rows, the council's contact for emails, and the figures API.</summary>
    public static IServiceCollection AddComplaintPages(this IServiceCollection services)
    {
        services.AddComplaints();
        services.AddScoped(sp => new RequestContact(
            sp.GetRequiredService<IOptions<CouncilOptions>>().Value.Name,
            sp.GetRequiredService<IOptions<CouncilOptions>>().Value.SendTeamEmail,
            sp.GetRequiredService<IOptions<RequestOptions>>().Value.PortalBaseUrl));
        return services.AddApiEndpoints<ComplaintFiguresApi>();
    }
}
