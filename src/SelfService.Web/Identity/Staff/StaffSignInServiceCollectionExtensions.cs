using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Identity.Staff;

public static class StaffSignInServiceCollectionExtensions
{
    /// <summary>Staff sign-in through the council's OpenID Provider (section <c>StaffSignIn</c>), validated at start-up.</summary>
    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StaffSignInOptions>()
            .Bind(configuration.GetSection(StaffSignInOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffSignInOptions>, StaffSignInOptionsValidator>();
        services.AddSingleton<IValidateOptions<SignInOptions>, NoStaffEmailCodesOutsideDevelopment>();

        // The callback page answers at the configured path too, whatever the provider was given.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<StaffSignInOptions>>((pages, staff) =>
        {
            if (staff.Value.CallbackPath != StaffSignInOptions.DefaultCallbackPath && staff.Value.CallbackPath.StartsWith('/'))
            {
                pages.Conventions.AddPageRoute("/StaffSignIn/Callback", staff.Value.CallbackPath.TrimStart('/'));
            }
        });

        services.AddHttpClient(OpenIdProviderMetadata.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddMemoryCache();
        services.AddSingleton<OpenIdProviderMetadata>();
        services.AddSingleton<IdTokenValidator>();
        services.AddSingleton<StaffSignInStateCookie>();
        services.AddScoped<StaffAccountLinker>();
        services.AddScoped<StaffSignInService>();
        return services;
    }
}
