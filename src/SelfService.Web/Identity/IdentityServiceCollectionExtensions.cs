using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Web.Api;
using SelfService.Web.Hosting;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    public const string SessionCookieName = ".SelfService.Session";

    public const string AntiforgeryCookieName = ".SelfService.Antiforgery";

    /// <summary>
    /// Sign-in by emailed code, the session cookie, antiforgery cookie settings and
    /// <see cref="IPortalUser"/>. Data-protection keys live in the case store, so sessions survive a
    /// restart and every instance on the same database accepts them.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, AppPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(paths);

        services.AddOptions<SignInOptions>()
            .Bind(configuration.GetSection(SignInOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDataProtection().SetApplicationName("SelfService");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new CaseStoreXmlRepository(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>())));

        // Secure cookies everywhere but Development, where the site may be served over plain HTTP.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddAuthentication(PortalClaims.Scheme).AddCookie(PortalClaims.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(PortalClaims.Scheme)
            .Configure<IOptions<SignInOptions>>((cookie, signIn) =>
            {
                cookie.Cookie.Name = SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure;
                cookie.Cookie.IsEssential = true;
                cookie.ExpireTimeSpan = signIn.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/sign-in";
                cookie.LogoutPath = "/sign-out";
                cookie.AccessDeniedPath = "/error/403";
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Events.OnValidatePrincipal = context => ValidateSessionAsync(context, signIn.Value.AbsoluteLifetime);

                // Pages send people to sign in; the JSON API answers 401/403 (as ProblemDetails) instead.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.RedirectUri = StaffSignInRedirect.LoginUriFor(context);
                    return RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                };
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });
        services.AddStaffAuthorization();
        services.AddStaffSignIn(configuration);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddHttpContextAccessor();
        services.AddSingleton<SignInCodeHasher>();
        services.AddSingleton<SignInAttemptLimiter>();
        services.AddSingleton<PendingSignIn>();
        services.AddScoped<SignInService>();
        services.AddScoped<IPortalUser, PortalUser>();
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.IsApiRequest())
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends a session past its absolute lifetime (the sliding idle timeout alone would let a busy
    /// session run for ever) or whose account has signed out since (its security stamp changed).
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        var signedInAt = PortalClaims.SignedInAtOf(context.Principal);
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var valid = signedInAt is not null && now - signedInAt.Value <= absoluteLifetime;
        if (valid)
        {
            var id = PortalClaims.AccountIdOf(context.Principal);
            var stamp = context.Principal?.FindFirst(PortalClaims.SecurityStamp)?.Value;
            var db = context.HttpContext.RequestServices.GetRequiredService<CaseStoreDbContext>();
            try
            {
                valid = id is not null && stamp is not null
                    && await db.Set<UserAccount>().AnyAsync(a => a.Id == id && a.SecurityStamp == stamp, context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (CaseStoreOutage.IsOutage(e))
            {
                context.RejectPrincipal();
                SessionCheckOutage.Remember(context.HttpContext, e);
                return;
            }
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalClaims.Scheme);
        }
    }
}
