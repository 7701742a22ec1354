using Microsoft.AspNetCore.Hosting;
using SelfService.Web.Tests.Cases;

namespace SelfService.Web.Tests.Members;

/// <summary>
/// The seeded demo host with its clock set to Christmas Eve 2026, so enquiry dates cross the
/// Christmas bank holidays, and the escalation worker looking every second.
/// </summary>
public class MembersWebAppFactory : SeededWebAppFactory
{
    public static readonly DateTimeOffset ChristmasEve = new(2026, 12, 24, 10, 0, 0, TimeSpan.Zero);

    public MembersWebAppFactory() => Time.Offset = ChristmasEve - DateTimeOffset.UtcNow;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Enquiries:EscalationIntervalSeconds", "1");
    }
}

/// <summary>The same, for the escalation test alone, which moves the clock weeks on.</summary>
public sealed class EscalationWebAppFactory : MembersWebAppFactory;
