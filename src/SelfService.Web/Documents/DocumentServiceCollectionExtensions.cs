using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Requests;

namespace SelfService.Web.Documents;

public static class RequestServiceCollectionExtensions
{
    /// <summary>The request journey: drafts, sending, document uploads with their scanner, and sign-in required for /requests.</summary>
    public static IServiceCollection AddAssessmentRequests(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.Configure<RequestOptions>(configuration.GetSection(RequestOptions.SectionName));
        services.AddScoped<RequestDraftStore>();
        services.AddScoped<RequestSubmitter>();
        services.AddScoped<Pages.Requests.RequestServices>();
        services.AddSingleton<DocumentStorage>();
        services.AddScoped<FileIntake>();
        services.AddScoped<DocumentUploads>();

        var clamAvHost = configuration[$"{DocumentOptions.SectionName}:{nameof(DocumentOptions.ClamAvHost)}"];
        if (string.IsNullOrWhiteSpace(clamAvHost))
        {
            services.AddSingleton<IVirusScanner, NoVirusScanner>();
        }
        else
        {
            services.AddSingleton<IVirusScanner, ClamAvScanner>();
        }

        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Requests"));
        return services;
    }
}
