using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>The GOV.UK patterns every question page must follow, checked in the browser.</summary>
public static partial class GovUkChecks
{
    /// <summary>
    /// A page shown with errors: the title starts "Error: ", GOV.UK Frontend has moved focus to the
    /// error summary, and each summary link (followed with the keyboard) focuses its field.
    /// Leaves focus on the last field.
    /// </summary>
    public static async Task AssertErrorSummaryAsync(IPage page, params string[] fieldIds)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fieldIds);
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator("a")).ToHaveCountAsync(fieldIds.Length);

        for (var i = 0; i < fieldIds.Length; i++)
        {
            var link = summary.Locator("a").Nth(i);
            await Assertions.Expect(link).ToHaveAttributeAsync("href", "#" + fieldIds[i]);
            // From the focused summary on to its first link; later links lie above the field just
            // focused, so back up to them. Keyboard only either way.
            var target = $".govuk-error-summary li:nth-child({i + 1}) a";
            if (i == 0)
            {
                await KeyboardOnly.TabToAsync(page, target);
            }
            else
            {
                await KeyboardOnly.ShiftTabToAsync(page, target);
            }

            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator("#" + EscapeId(fieldIds[i]))).ToBeFocusedAsync();
            var message = page.Locator($"#{EscapeId(fieldIds[i])}-error");
            if (await message.CountAsync() > 0)
            {
                // The inline message says the same as the summary link.
                await Assertions.Expect(message).ToContainTextAsync(await link.InnerTextAsync());
            }
        }
    }

    /// <summary>Records each page's title so a journey can check that no two pages share one.</summary>
    public sealed class TitleLog
    {
        private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

        public async Task RecordAsync(IPage page)
        {
            ArgumentNullException.ThrowIfNull(page);
            var title = await page.TitleAsync();
            if (!title.StartsWith("Error: ", StringComparison.Ordinal))
            {
                _titles[new Uri(page.Url).AbsolutePath] = title;
            }
        }

        public IReadOnlyDictionary<string, string> Titles => _titles;

        public void AssertUnique()
        {
            var shared = _titles.GroupBy(t => t.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"'{g.Key}' on {string.Join(", ", g.Select(t => t.Key))}").ToList();
            Assert.True(shared.Count == 0, "Pages share a title: " + string.Join("; ", shared));
        }
    }

    private static string EscapeId(string id) => CssSpecial().Replace(id, @"\$0");

    [GeneratedRegex(@"[.\[\]:]")]
    private static partial Regex CssSpecial();
}
