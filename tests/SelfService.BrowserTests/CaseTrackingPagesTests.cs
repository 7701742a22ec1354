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
    public Task A_plan_page_has_no_WCAG_22_AA_violations() => StepsAsync(async () =>
    {
        await PortalAccounts.SignInAsync(Page, Fixture, DemoParent);
        await Page.GotoAsync("/cases");
        await KeyboardOnly.ActivateAsync(Page, "main a[href^='/cases/plans/']");
        await Page.WaitForURLAsync("**/cases/plans/**");
        await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(Page);
    });

    /// <summary>Nadia Ahmed has Ruby's draft plan in front of her in the demo authority.</summary>
    [Fact]
    public Task Responding_to_a_draft_plan_and_signing_out_have_no_WCAG_22_AA_violations() => StepsAsync(async () =>
    {
        var titles = new GovUkChecks.TitleLog();
        await PortalAccounts.SignInAsync(Page, Fixture, "nadia.ahmed@example.com");
        await Page.GotoAsync("/cases");
        await KeyboardOnly.ActivateAsync(Page, "main a[href^='/cases/EHC-']");
        await Page.WaitForURLAsync("**/cases/EHC-*");
        await KeyboardOnly.ActivateAsync(Page, "main a[href$='/draft-plan-response']");
        await Page.WaitForURLAsync("**/draft-plan-response");
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);

        // Sending nothing at all is the mistake a family is most likely to make.
        await KeyboardOnly.ActivateAsync(Page, "main form button.govuk-button");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("Error: ", await Page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(Page);

        await Page.Locator("#comments").FillAsync("Ruby needs the speech and language therapy described in section F.");
        await Page.Locator("#meeting-no").CheckAsync();
        await KeyboardOnly.ActivateAsync(Page, "main form button.govuk-button");
        await Page.WaitForURLAsync("**/draft-plan-response/sent");
        await Assertions.Expect(Page.Locator(".govuk-panel")).ToBeVisibleAsync();
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);

        await KeyboardOnly.ActivateAsync(Page, "a[href='/sign-out']");
        await Page.WaitForURLAsync("**/sign-out");
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);
        await KeyboardOnly.ActivateAsync(Page, "main form button.govuk-button");
        await Page.WaitForURLAsync("**/signed-out");
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
