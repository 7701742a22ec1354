using Microsoft.Playwright;
using SelfService.Web.Tests.Support;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>Signing in as a person does, keyboard only, with the code from the email the app sent.</summary>
public static class PortalAccounts
{
    /// <summary>An address no other test uses, so each test starts as a new account.</summary>
    public static string NewEmail(string who = "parent") => $"{who}-{Guid.NewGuid():N}@example.com";

    public static Mailbox Mailbox(BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return new Mailbox(fixture.App.MailPickupDirectory);
    }

    /// <summary>Asks for a code on <c>/sign-in</c> (already open) and returns the code emailed.</summary>
    public static async Task<string> RequestCodeAsync(IPage page, Mailbox mail, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(mail);
        var before = mail.Snapshot();
        await KeyboardOnly.TypeIntoAsync(page, "#email", email);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/sign-in/code");
        return Web.Tests.Support.Mailbox.SignInCodeIn(await mail.WaitForNewAsync(email, before));
    }

    /// <summary>Types the code on the code page and signs in; waits until the app has left the sign-in pages.</summary>
    public static async Task EnterCodeAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        await KeyboardOnly.TypeIntoAsync(page, "#code", code);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>From any page: goes to <c>/sign-in</c> and signs in as <paramref name="email"/> with the keyboard.</summary>
    public static async Task SignInAsync(IPage page, BrowserFixture fixture, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        var code = await RequestCodeAsync(page, Mailbox(fixture), email);
        await EnterCodeAsync(page, code);
        await Assertions.Expect(page.Locator("#signed-in-as")).ToContainTextAsync(email);
    }
}
