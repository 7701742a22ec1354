using SelfService.BotFramework.Connector;

namespace SelfService.BotFramework.Tests.Connector;

public sealed class TrustedServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/uk/")]
    [InlineData("https://smba.trafficmanager.net/uk")]
    [InlineData("HTTPS://SMBA.trafficmanager.net/uk/")]
    public void The_same_service_url_written_differently_is_trusted(string variant)
    {
        var trusted = new TrustedServiceUrls();
        trusted.Trust("https://smba.trafficmanager.net/uk/");

        Assert.True(trusted.IsTrusted(variant));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/us/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/uk/")]
    [InlineData("http://smba.trafficmanager.net/uk/")]
    [InlineData("https://smba.trafficmanager.net:8443/uk/")]
    [InlineData("https://user@smba.trafficmanager.net/uk/")]
    [InlineData("https://smba.trafficmanager.net/uk/?next=https://evil.example")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not(string? other)
    {
        var trusted = new TrustedServiceUrls();
        trusted.Trust("https://smba.trafficmanager.net/uk/");

        Assert.False(trusted.IsTrusted(other));
    }

    [Fact]
    public void Nothing_is_trusted_until_a_channel_has_called()
    {
        Assert.False(new TrustedServiceUrls().IsTrusted("https://smba.trafficmanager.net/uk/"));
    }
}
