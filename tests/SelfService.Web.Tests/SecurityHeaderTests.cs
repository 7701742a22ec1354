using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Tests;

public sealed partial class SecurityHeaderTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Page_sends_a_strict_csp_whose_nonce_is_on_every_script()
    {
        var response = await _client.GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[]
        {
            "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "frame-ancestors 'none'", "form-action 'self'",
        })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var nonce = ScriptNonce().Match(csp).Groups["nonce"].Value;
        Assert.True(nonce.Length >= 22, csp);

        var doc = await Html.ParseAsync(response);
        var scripts = doc.QuerySelectorAll("script").ToList();
        Assert.Equal(3, scripts.Count); // GOV.UK Frontend (inline and module) and the chat launcher
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
    }

    [Fact]
    public async Task Nonce_is_new_for_every_request()
    {
        var first = await _client.GetAsync("/");
        var second = await _client.GetAsync("/");

        Assert.NotEqual(
            ScriptNonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Value,
            ScriptNonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Value);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/govuk/govuk-frontend.min.css")]
    [InlineData(WebAppFactory.ThrowingPagePath)]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Error_page_scripts_carry_the_nonce_from_the_header()
    {
        var response = await _client.GetAsync(WebAppFactory.ThrowingPagePath);

        var nonce = ScriptNonce().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups["nonce"].Value;
        var doc = await Html.ParseAsync(response);
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.Equal(nonce, s.GetAttribute("nonce")));
    }

    [Fact]
    public void Kestrel_does_not_announce_itself()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Development_sends_no_hsts()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://send.example.org") });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex(@"script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/=]+)'")]
    private static partial Regex ScriptNonce();
}

public sealed class ProductionSecurityHeaderTests(ProductionWebAppFactory factory) : IClassFixture<ProductionWebAppFactory>
{
    [Fact]
    public async Task Production_sends_hsts_over_https()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://send.example.org") });

        var response = await client.GetAsync("/");

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }
}
