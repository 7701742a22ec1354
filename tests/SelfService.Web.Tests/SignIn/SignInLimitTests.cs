using System.Net;
using Microsoft.AspNetCore.Hosting;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

/// <summary>Limits per IP address: every test client comes from the same (loopback) address.</summary>
public sealed class SignInLimitTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Codes_asked_for_from_one_IP_address_are_limited_across_addresses()
    {
        await using var app = _factory.WithWebHostBuilder(b => b.UseSetting("SignIn:MaxCodesPerIp", "2"));
        var mail = Mailbox.PickupFolder(app);
        using var client = PortalSignIn.CreateClient(app);
        await PortalSignIn.RequestCodeAsync(client, mail, "one@example.com");
        await PortalSignIn.RequestCodeAsync(client, mail, "two@example.com");

        using var third = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", "three@example.com")));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var page = await Html.ParseAsync(third);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(
            "Too many codes have been asked for from your network. Wait 15 minutes, then try again",
            page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
    }

    [Fact]
    public async Task Code_attempts_from_one_IP_address_are_limited_even_when_each_guess_is_for_a_different_code()
    {
        await using var app = _factory.WithWebHostBuilder(b => b.UseSetting("SignIn:MaxAttemptsPerIp", "3"));
        var mail = Mailbox.PickupFolder(app);
        using var client = PortalSignIn.CreateClient(app);
        var code = await PortalSignIn.RequestCodeAsync(client, mail, "guesser@example.com");
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await PortalSignIn.EnterCodeAsync(client, wrong);
            Assert.Contains("The code is not correct", (await Html.ParseAsync(attempt)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
        }

        using var right = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many codes have been tried from your network", (await Html.ParseAsync(right)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
    }
}
