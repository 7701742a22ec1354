using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SelfService.Web.Tests;

public sealed partial class PageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_page_renders_the_GOV_UK_template()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("govuk-template", doc.DocumentElement.ClassList);
        Assert.Contains("govuk-template__body", doc.Body!.ClassList);
        Assert.Equal("#main-content", doc.QuerySelector("a.govuk-skip-link")?.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("main.govuk-main-wrapper#main-content"));
        Assert.Equal("Leeds City Council", doc.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Equal("SEND Self-Service", doc.QuerySelector(".govuk-service-navigation__service-name")?.TextContent.Trim());
        Assert.Equal("Beta", doc.QuerySelector(".govuk-phase-banner .govuk-tag")?.TextContent.Trim());
        Assert.StartsWith("Apply for an EHC needs assessment", doc.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_explains_the_20_week_process_and_who_can_ask()
    {
        var doc = await Html.ParseAsync(await _client.GetAsync("/"));

        var keys = doc.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Equal(["Within 6 weeks", "Within 16 weeks", "15 days to respond", "Within 20 weeks"], keys);
        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("young person aged 16 to 25", text, StringComparison.Ordinal);
        Assert.Contains("with the parent's consent", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Council_name_and_feedback_address_come_from_configuration()
    {
        using var custom = factory.WithWebHostBuilder(b => b
            .UseSetting("Council:Name", "Bradford Council")
            .UseSetting("Council:FeedbackEmail", "beta@bradford.example"));

        var doc = await Html.ParseAsync(await custom.CreateClient().GetAsync("/"));

        Assert.Equal("Bradford Council", doc.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.StartsWith("mailto:beta@bradford.example?",
            doc.QuerySelector(".govuk-phase-banner a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("- Bradford Council", doc.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_link_resolves_to_GOV_UK_Frontend_css()
    {
        var doc = await Html.ParseAsync(await _client.GetAsync("/"));
        var href = doc.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);

        var css = await _client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".govuk-template", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_font_and_image_the_stylesheet_refers_to_is_served()
    {
        var css = await _client.GetStringAsync("/govuk/govuk-frontend.min.css");
        var urls = CssUrl().Matches(css).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(urls, u => u.EndsWith(".woff2", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} returned {(int)response.StatusCode}");
            Assert.DoesNotContain("text/html", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fonts_are_served_with_their_type_and_a_long_cache_lifetime()
    {
        var css = await _client.GetStringAsync("/govuk/govuk-frontend.min.css");
        var font = CssUrl().Matches(css).Select(m => m.Groups["url"].Value).First(u => u.EndsWith(".woff2", StringComparison.Ordinal));

        var response = await _client.GetAsync(font);

        Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Module_script_initialises_GOV_UK_Frontend_from_a_served_file()
    {
        var doc = await Html.ParseAsync(await _client.GetAsync("/"));
        var module = doc.QuerySelector("script[type=module]")?.TextContent;
        Assert.NotNull(module);
        var import = ImportFrom().Match(module);
        Assert.True(import.Success, module);
        Assert.Contains("initAll()", module, StringComparison.Ordinal);

        var js = await _client.GetAsync(import.Groups["path"].Value);

        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("javascript", js.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches(@"export\{[^}]*\binitAll\b", await js.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/accessibility", "Accessibility statement for SEND Self-Service", "WCAG22")]
    [InlineData("/privacy", "Privacy notice", "Article 9(2)(g)")]
    [InlineData("/cookies", "Cookies", "Antiforgery")]
    public async Task Footer_pages_exist_with_their_content(string path, string heading, string mustMention)
    {
        var home = await Html.ParseAsync(await _client.GetAsync("/"));
        Assert.NotNull(home.QuerySelector($".govuk-footer a[href='{path}']"));

        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(heading, doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(mustMention, doc.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_returns_the_GOV_UK_page_not_found()
    {
        var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("Page not found", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("footer.govuk-template__footer"));
    }

    [Theory]
    [InlineData("/error/200", HttpStatusCode.NotFound)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error", HttpStatusCode.InternalServerError)]
    public async Task Error_pages_never_answer_success_when_visited_directly(string path, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Failing_page_shows_the_GOV_UK_problem_page_without_details()
    {
        var response = await _client.GetAsync(WebAppFactory.ThrowingPagePath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var doc = await Html.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain(WebAppFactory.SecretExceptionText, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_form_post_shows_the_problem_page_not_an_antiforgery_error()
    {
        using var form = new FormUrlEncodedContent([new("a", "b")]);

        var response = await _client.PostAsync(WebAppFactory.ThrowingPagePath, form);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", doc.QuerySelector("h1")?.TextContent.Trim());
    }

    [GeneratedRegex(@"url\((?<url>/[^)]+)\)")]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"import\s*\{\s*initAll\s*\}\s*from\s*'(?<path>[^']+)'")]
    private static partial Regex ImportFrom();
}
