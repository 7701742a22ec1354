using Microsoft.AspNetCore.Hosting;

namespace SelfService.Web.Tests.Support;

/// <summary>The real host with the Test-scale demo authority seeded at startup: the whole DemoCast can sign in.</summary>
public class DemoWebAppFactory : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:SeedOnFirstRun", "true");
        builder.UseSetting("DemoData:Scale", "Test");
    }
}
