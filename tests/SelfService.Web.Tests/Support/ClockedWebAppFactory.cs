using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Web.Tests.Support;

/// <summary>The real host whose <see cref="TimeProvider"/> is a <see cref="TestClock"/> the test moves.</summary>
public class ClockedWebAppFactory : WebAppFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
