using Microsoft.Playwright;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>Moving around a page the way a keyboard user does: Tab and Shift+Tab, nothing else.</summary>
public static class KeyboardOnly
{
    /// <summary>More presses than any of our pages has focusable elements, so a missing target fails.</summary>
    public const int MaxPresses = 80;

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>.</summary>
    public static Task TabToAsync(IPage page, string selector) => MoveToAsync(page, selector, "Tab");

    /// <summary>Presses Shift+Tab until the focused element matches <paramref name="selector"/>.</summary>
    public static Task ShiftTabToAsync(IPage page, string selector) => MoveToAsync(page, selector, "Shift+Tab");

    /// <summary>Tabs to <paramref name="selector"/> and presses Enter on it (a link or a button).</summary>
    public static async Task ActivateAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Tabs to a text field and types into it.</summary>
    public static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    public static Task<bool> IsFocusedAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);
    }

    private static async Task MoveToAsync(IPage page, string selector, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var presses = 0; presses < MaxPresses; presses++)
        {
            if (await IsFocusedAsync(page, selector))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        if (!await IsFocusedAsync(page, selector))
        {
            var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : '(nothing)'");
            Assert.Fail($"{key} did not reach '{selector}' on {page.Url} in {MaxPresses} presses; focus is on {focused}");
        }
    }
}
