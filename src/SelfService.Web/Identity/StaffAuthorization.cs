using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.People;

namespace SelfService.Web.Identity;

/// <summary>
/// Who may use the council side. Everything under <c>/Staff</c> needs a member of the SEND
/// service; some pages (dashboard, audit trail, escalations) only a service manager or administrator.
/// The check reads the <see cref="Domain.Access.Viewer"/>, the same roles the case-access policy uses.
/// </summary>
public static class StaffAuthorization
{
    public const string Staff = "Staff";

    public const string Manager = "StaffManager";

    public static IServiceCollection AddStaffAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(ManagerOnly: false)))
            .AddPolicy(Manager, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(ManagerOnly: true)));
        services.AddScoped<IAuthorizationHandler, StaffRequirementHandler>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Staff", Staff));
        return services;
    }

    public static bool IsManager(StaffRole? role) => role is StaffRole.ServiceManager or StaffRole.Administrator;
}

public sealed record StaffRequirement(bool ManagerOnly) : IAuthorizationRequirement;

internal sealed class StaffRequirementHandler(IPortalUser user) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var viewer = await user.GetViewerAsync();
        if (viewer.IsStaff && (!requirement.ManagerOnly || StaffAuthorization.IsManager(viewer.StaffRole)))
        {
            context.Succeed(requirement);
        }
    }
}
