using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests;

/// <summary>The pages every visitor can reach, in a real browser under the app's real CSP.</summary>
public sealed class SitePagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string> PublicPages => ["/", "/accessibility", "/privacy", "/cookies"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task Public_page_has_no_WCAG_22_AA_violations(string path) => StepsAsync(async () =>
    {
        var response = await Page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await Accessibility.AssertNoViolationsAsync(Page);
    });

    [Fact]
    public Task Page_not_found_has_no_WCAG_22_AA_violations() => StepsAsync(async () =>
    {
        var response = await Page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Accessibility.AssertNoViolationsAsync(Page);
    });

    [Fact]
    public Task GOV_UK_Frontend_JavaScript_starts_under_the_content_security_policy() => StepsAsync(async () =>
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add(message.Text);
            }
        };

        var response = await Page.GotoAsync("/");

        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        // The inline class switch and the module that calls initAll both carry the nonce.
        await Assertions.Expect(Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bgovuk-frontend-supported\b"));
        // initAll marks each component it starts; the skip link is on every page.
        await Assertions.Expect(Page.Locator("[data-module='govuk-skip-link']")).ToHaveAttributeAsync("data-govuk-skip-link-init", string.Empty);
        Assert.Empty(violations);
    });

    [Fact]
    public Task Skip_link_is_the_first_thing_the_keyboard_reaches_and_moves_focus_to_the_main_content() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/");

        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("main#main-content")).ToBeFocusedAsync();
    });
}
