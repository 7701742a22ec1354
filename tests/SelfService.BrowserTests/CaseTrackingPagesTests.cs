using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests;

/// <summary>Following a case: the list, one case, and the dates calculator, as the demo family sees them.</summary>
public sealed class CaseTrackingPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>Helen Carter, parent of Sam and Maisie in the demo authority.</summary>
    private const string DemoParent = "helen.carter@example.com";

    [Fact]
    public Task Case_pages_have_no_WCAG_22_AA_violations_and_titles_of_their_own() => StepsAsync(async () =>
    {
        var titles = new GovUkChecks.TitleLog();
        await PortalAccounts.SignInAsync(Page, Fixture, DemoParent);

        await KeyboardOnly.ActivateAsync(Page, "a[href='/cases']");
        await Page.WaitForURLAsync("**/cases");
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);

        await KeyboardOnly.ActivateAsync(Page, "main a[href^='/cases/']");
        await Page.WaitForURLAsync("**/cases/**");
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/what-happens-and-when");
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);

        titles.AssertUnique();
    });

    [Fact]
    public Task The_dates_calculator_shows_its_errors_accessibly() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/what-happens-and-when");
        await KeyboardOnly.ActivateAsync(Page, "main form button.govuk-button");

        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(Page);
        var targets = await Page.Locator(".govuk-error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').slice(1))");
        await GovUkChecks.AssertErrorSummaryAsync(Page, targets);
    });
}
