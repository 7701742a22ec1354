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
