using SelfService.Data.Cases;
using SelfService.Web.Api;
using SelfService.Web.Api.Cases;

namespace SelfService.Web.Pages.Cases;

public static class CaseTrackingServices
{
    /// <summary>Following a case: the policy-applying reader, draft-plan responses, and the case status API.</summary>
    public static IServiceCollection AddCaseTracking(this IServiceCollection services)
    {
        services.AddScoped<CaseReader>();
        services.AddScoped<DraftPlanResponses>();
        return services.AddApiEndpoints<CaseStatusApi>();
    }
}
