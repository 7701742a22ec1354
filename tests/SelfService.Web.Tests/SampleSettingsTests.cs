using Microsoft.Extensions.Configuration;
using SelfService.Data;
using SelfService.Domain.Calendar;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Tests;

/// <summary>The documented sample must stay loadable and bind to the settings the app really reads.</summary>
public sealed class SampleSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.sample.json"), optional: false)
        .Build();

    [Fact]
    public void Sample_binds_every_section_the_app_reads()
    {
        Assert.Equal(ServiceLevels.Default, Sample.GetSection(DomainServices.ServiceLevelsSection).Get<ServiceLevels>());
        Assert.Equal("Leeds City Council", Sample.GetSection(CouncilOptions.SectionName).Get<CouncilOptions>()!.Name);
        Assert.False(Sample.GetSection(DemoDataOptions.SectionName).Get<DemoDataOptions>()!.SeedOnFirstRun);
        Assert.True(Sample.GetSection("Database").Get<CaseStoreStartupOptions>()!.MigrateOnStartup);
        Assert.Equal(587, Sample.GetSection(Web.Email.EmailOptions.SectionName).Get<Web.Email.EmailOptions>()!.Smtp.Port);
        Assert.Equal(TimeSpan.FromMinutes(10), Sample.GetSection(Web.Identity.SignInOptions.SectionName).Get<Web.Identity.SignInOptions>()!.CodeLifetime);
        Assert.Equal(25, Sample.GetSection(DocumentOptions.SectionName).Get<DocumentOptions>()!.MaxFileSizeMegabytes);
        Assert.Equal(new Uri("https://send.example.gov.uk/"), Sample.GetSection(RequestOptions.SectionName).Get<RequestOptions>()!.PortalBaseUrl);
        var staff = Sample.GetSection(Web.Identity.Staff.StaffSignInOptions.SectionName).Get<Web.Identity.Staff.StaffSignInOptions>()!;
        Assert.Equal(Domain.People.StaffRole.ServiceManager, staff.RoleMappings["SEND.ServiceManager"]);
        Assert.Equal(["openid", "profile", "email"], staff.Scopes);
        Assert.True(new Web.Identity.Staff.StaffSignInOptionsValidator().Validate(null, WithSecret(staff)).Succeeded);
        var store = CaseStoreOptions.FromConfiguration(Sample, "/data");
        Assert.Equal(CaseStoreProvider.Sqlite, store.Provider);
        Assert.Equal($"Data Source={Path.Combine("/data", "selfservice.db")}", store.ConnectionString);
    }

    // The sample leaves the secret empty (it belongs in the environment); everything else must pass.
    private static Web.Identity.Staff.StaffSignInOptions WithSecret(Web.Identity.Staff.StaffSignInOptions options)
    {
        options.ClientSecret = "from-the-environment";
        return options;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with SelfService.sln) was not found.");
    }
}
