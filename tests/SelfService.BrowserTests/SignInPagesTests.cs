using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests;

/// <summary>Signing in with an emailed code, in the browser, with the keyboard only.</summary>
public sealed class SignInPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Sign_in_pages_and_their_error_states_have_no_WCAG_22_AA_violations() => StepsAsync(async () =>
    {
        var email = PortalAccounts.NewEmail();
        await Page.GotoAsync("/sign-in");
        await Accessibility.AssertNoViolationsAsync(Page);

        await KeyboardOnly.ActivateAsync(Page, "main button[type=submit]");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(Page);

        var code = await PortalAccounts.RequestCodeAsync(Page, PortalAccounts.Mailbox(Fixture), email);
        await Accessibility.AssertNoViolationsAsync(Page);

        await KeyboardOnly.ActivateAsync(Page, "main button[type=submit]");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(Page);

        await PortalAccounts.EnterCodeAsync(Page, code);
        await Assertions.Expect(Page.Locator("#signed-in-as")).ToContainTextAsync(email);
        await Accessibility.AssertNoViolationsAsync(Page);
    });

    [Fact]
    public Task An_empty_email_shows_the_error_summary_focused_and_its_link_focuses_the_field() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/sign-in");
        var title = await Page.TitleAsync();

        await KeyboardOnly.ActivateAsync(Page, "main button[type=submit]");

        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your email address");
        Assert.Equal("Error: " + title, await Page.TitleAsync());
        await GovUkChecks.AssertErrorSummaryAsync(Page, "email");
    });

    [Fact]
    public Task A_wrong_code_shows_the_error_summary_focused_and_its_link_focuses_the_field() => StepsAsync(async () =>
    {
        await Page.GotoAsync("/sign-in");
        var code = await PortalAccounts.RequestCodeAsync(Page, PortalAccounts.Mailbox(Fixture), PortalAccounts.NewEmail());
        var title = await Page.TitleAsync();

        await KeyboardOnly.TypeIntoAsync(Page, "#code", code == "000000" ? "111111" : "000000");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.Equal("Error: " + title, await Page.TitleAsync());
        await GovUkChecks.AssertErrorSummaryAsync(Page, "code");
    });

    [Fact]
    public Task Sign_in_pages_have_titles_of_their_own() => StepsAsync(async () =>
    {
        var titles = new GovUkChecks.TitleLog();
        await Page.GotoAsync("/");
        await titles.RecordAsync(Page);
        await Page.GotoAsync("/sign-in");
        await titles.RecordAsync(Page);
        var code = await PortalAccounts.RequestCodeAsync(Page, PortalAccounts.Mailbox(Fixture), PortalAccounts.NewEmail());
        await titles.RecordAsync(Page);

        titles.AssertUnique();
        Assert.Equal(3, titles.Titles.Count);
        Assert.NotEmpty(code);
    });
}
