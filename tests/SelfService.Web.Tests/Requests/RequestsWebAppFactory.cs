using Microsoft.AspNetCore.Hosting;

namespace SelfService.Web.Tests.Requests;

/// <summary>The real host with a 1 MB upload limit, so size limits can be tested with small files.</summary>
public class RequestsWebAppFactory : WebAppFactory
{
    public const int MaxFileSizeMegabytes = 1;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:MaxFileSizeMegabytes", MaxFileSizeMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Requests:PortalBaseUrl", "https://send.example.org/");
    }
}

/// <summary>The same, with the demo authority (its named cast: Helen Carter, Aisha Rahman) seeded at the test scale.</summary>
public sealed class DemoRequestsWebAppFactory : RequestsWebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:SeedOnFirstRun", "true");
        builder.UseSetting("DemoData:Scale", "Test");
    }
}
