using System.Net;
using SelfService.Data.DemoData;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Staff;

/// <summary>The council side is for the SEND service only: everyone else is refused, whoever they are.</summary>
public sealed class StaffAccessTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    [Theory]
    [InlineData(DemoCast.CaseworkerEmail)]
    [InlineData(DemoCast.ServiceManagerEmail)]
    public async Task A_member_of_the_service_reaches_the_staff_home(string email)
    {
        var client = await factory.ClientForAsync(email);

        using var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SEND service", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoCast.ParentEmail)]
    [InlineData(DemoCast.SencoEmail)]
    [InlineData(DemoCast.CouncillorEmail)]
    public async Task Anyone_else_signed_in_is_refused(string email)
    {
        var client = await factory.ClientForAsync(email);

        using var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        var client = PortalSignIn.CreateClient(factory);

        using var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
