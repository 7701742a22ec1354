using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SelfService.Data;
using SelfService.Domain.Calendar;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.Configuration;

namespace SelfService.Web.Tests;

/// <summary>
/// The documented sample must stay loadable, bind to the settings the app really reads, and name
/// and explain every one of them.
/// </summary>
public sealed partial class SampleSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(RepositoryFiles.PathOf("appsettings.sample.json"), optional: false)
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

    [Fact]
    public void Sample_names_and_explains_every_key_the_app_reads()
    {
        var sample = SampleSettingsFile.Load();
        var keys = AppConfigurationKeys.All();

        var missing = keys.Where(key => !sample.Names(key)).ToList();
        Assert.True(missing.Count == 0, $"Not in appsettings.sample.json: {string.Join(", ", missing)}");
        var unexplained = keys.Where(key => !sample.Explains(key)).ToList();
        Assert.True(unexplained.Count == 0, $"No comment on these or their section: {string.Join(", ", unexplained)}");
        // The enumeration itself must be real: a few keys known to be read, deep and shallow.
        Assert.Contains("Email:Smtp:Password", keys);
        Assert.Contains("ChatDelivery:Worker:ClaimDuration", keys);
        Assert.Contains("StaffSignIn:PublicOrigin", keys);
        Assert.Contains("ForwardedHeaders:KnownProxies", keys);
    }

    [Fact]
    public void Sample_names_no_key_the_app_does_not_read()
    {
        var sample = SampleSettingsFile.Load();
        var read = AppConfigurationKeys.All();
        // Host settings read by ASP.NET Core itself, and the log levels (a dictionary of categories).
        string[] host = ["Urls", "AllowedHosts", "Logging"];

        var unknown = sample.Keys.Where(key =>
            !read.Contains(key)
            && !host.Any(h => key.Equals(h, StringComparison.OrdinalIgnoreCase) || key.StartsWith(h + ":", StringComparison.OrdinalIgnoreCase))
            && !read.Any(k => k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_configuration_read_in_the_source_is_one_the_coverage_test_knows()
    {
        var reads = new[] { "src", "dialogs" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => ConfigurationRead().Matches(File.ReadAllText(path)).Select(m => (File: Path.GetFileName(path), Argument: m.Groups["arg"].Value.Trim())))
            .ToList();

        Assert.True(reads.Count >= AppConfigurationKeys.Reads.Count, $"only {reads.Count} configuration reads found: the pattern no longer matches the source");
        Assert.Empty(reads.Where(r => !AppConfigurationKeys.Reads.Contains(r.Argument)).Select(r => $"{r.File}: {r.Argument}"));
    }

    // configuration[…], Configuration[…], GetSection(…) and GetConnectionString(…) with one argument.
    [GeneratedRegex(@"(?:\b[Cc]onfiguration\[(?<arg>[^\]]+)\]|\bGetSection\((?<arg>[^()]*(?:\([^()]*\)[^()]*)*)\)|\bGetConnectionString\((?<arg>[^()]+)\))")]
    private static partial Regex ConfigurationRead();
}
