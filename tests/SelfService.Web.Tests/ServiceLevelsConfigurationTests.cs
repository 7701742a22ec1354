using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Domain.Calendar;

namespace SelfService.Web.Tests;

public sealed class ServiceLevelsConfigurationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public void Service_levels_default_to_the_reference_table()
    {
        var levels = factory.Services.GetRequiredService<ServiceLevels>();

        Assert.Equal(2, levels.EnquiryAcknowledgeWorkingDays);
        Assert.Equal(10, levels.EnquiryRespondWorkingDays);
        Assert.Equal(20, levels.ComplaintStage2RespondWorkingDays);
    }

    [Fact]
    public async Task A_council_can_set_its_own_service_levels()
    {
        await using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("ServiceLevels:EnquiryAcknowledgeWorkingDays", "1")
            .UseSetting("ServiceLevels:EnquiryRespondWorkingDays", "5"));

        var levels = configured.Services.GetRequiredService<ServiceLevels>();

        Assert.Equal(1, levels.EnquiryAcknowledgeWorkingDays);
        Assert.Equal(5, levels.EnquiryRespondWorkingDays);
        Assert.Equal(10, levels.ComplaintStage1RespondWorkingDays);
        // Thursday 24 December 2026 + 5 working days skips Christmas, the substitute Boxing Day and New Year's Day.
        Assert.Equal(new DateOnly(2027, 1, 5), levels.EnquiryDueDates(new DateOnly(2026, 12, 24)).RespondBy);
    }
}
