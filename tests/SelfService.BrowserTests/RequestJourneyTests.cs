using System.Text.Json;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests;

/// <summary>
/// The request for an EHC needs assessment, done the way a keyboard user does it: Tab, Shift+Tab,
/// Enter and Space only (the operating system's file chooser is the one exception). Every page is
/// checked with axe, first with its errors showing, then answered.
/// </summary>
public sealed class RequestJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int MaxSteps = 60;

    [Fact]
    public Task A_parent_completes_a_request_with_the_keyboard_alone() => StepsAsync(async () =>
    {
        var titles = new GovUkChecks.TitleLog();
        var errorPages = new List<string>();
        var email = PortalAccounts.NewEmail();
        await PortalAccounts.SignInAsync(Page, Fixture, email);

        await KeyboardOnly.ActivateAsync(Page, "a[href='/requests']");
        await Page.WaitForURLAsync("**/requests");
        await CheckPageAsync(titles);
        await KeyboardOnly.ActivateAsync(Page, "main a[href='/requests/new']");
        await Page.WaitForURLAsync("**/requests/new");
        await CheckPageAsync(titles);
        await KeyboardOnly.TabToAsync(Page, "main button.govuk-button--start");
        await PressEnterAndWaitForNextPageAsync();

        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var step = 0; step < MaxSteps; step++)
        {
            await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var path = new Uri(Page.Url).AbsolutePath;
            var firstVisit = visited.Add(PageKind(path));
            if (firstVisit)
            {
                await CheckPageAsync(titles);
            }

            if (path.EndsWith("/confirmation", StringComparison.Ordinal))
            {
                await Assertions.Expect(Page.Locator(".govuk-panel")).ToContainTextAsync("reference");
                var reference = await Page.Locator(".govuk-panel__body strong, .govuk-panel__body").First.InnerTextAsync();
                Assert.Matches(@"[A-Z]{2,}[-/ ]?\d", reference);
                titles.AssertUnique();
                Assert.True(errorPages.Count > 0, "No page showed an error state.");
                return;
            }

            if (await Page.Locator(".govuk-task-list").CountAsync() > 0)
            {
                await OpenNextTaskAsync();
                continue;
            }

            if (path.EndsWith("/check-answers", StringComparison.Ordinal))
            {
                await KeyboardOnly.TabToAsync(Page, "main a.govuk-button[href$='/declaration']");
                await PressEnterAndWaitForNextPageAsync();
                continue;
            }

            if (path.EndsWith("/documents", StringComparison.Ordinal))
            {
                await UploadDocumentAsync();
                continue;
            }

            if (firstVisit)
            {
                if (!await ShowErrorsAsync())
                {
                    continue;
                }

                errorPages.Add(path);
            }

            await AnswerAsync();
        }

        Assert.Fail($"The journey did not reach a confirmation in {MaxSteps} pages; last page {Page.Url}");
    });

    /// <summary>Question pages share one kind per route (the draft id differs between runs).</summary>
    private static string PageKind(string path) =>
        string.Join('/', path.Split('/').Select(p => Guid.TryParse(p, out _) ? "{id}" : p));

    private async Task CheckPageAsync(GovUkChecks.TitleLog titles)
    {
        await titles.RecordAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);
    }

    /// <summary>Submits the page unanswered; if it shows errors, checks them (axe, title, summary focus and links).</summary>
    private async Task<bool> ShowErrorsAsync()
    {
        await SubmitAsync();
        if (await Page.Locator(".govuk-error-summary").CountAsync() == 0)
        {
            // Nothing on the page was required, so leaving it empty was an answer; carry on from here.
            return false;
        }

        await Accessibility.AssertNoViolationsAsync(Page);
        var targets = await Page.Locator(".govuk-error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').slice(1))");
        await GovUkChecks.AssertErrorSummaryAsync(Page, targets);
        return true;
    }

    private const string SubmitButton = "main form button.govuk-button:not(.govuk-button--secondary)";

    /// <summary>Enter on the page's main button, then waits for the next document (a new page or the same one with errors).</summary>
    private async Task SubmitAsync()
    {
        await KeyboardOnly.TabToAsync(Page, SubmitButton);
        await PressEnterAndWaitForNextPageAsync();
    }

    private async Task PressEnterAndWaitForNextPageAsync()
    {
        await Page.EvaluateAsync("() => { window.__beforeSubmit = true; }");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => window.__beforeSubmit !== true && document.readyState === 'complete'");
    }

    private async Task OpenNextTaskAsync()
    {
        // The first task that links somewhere and is not done yet.
        var next = await Page.EvaluateAsync<string?>(@"() => {
            for (const item of document.querySelectorAll('.govuk-task-list__item--with-link')) {
                const status = item.querySelector('.govuk-task-list__status').innerText.trim();
                if (status !== 'Completed') return item.querySelector('a').getAttribute('href');
            }
            return null;
        }");
        Assert.True(next is not null, "Every task is done but the task list gives no way on: " + Page.Url);
        await KeyboardOnly.TabToAsync(Page, $".govuk-task-list a[href='{next}']");
        await PressEnterAndWaitForNextPageAsync();
    }

    private async Task UploadDocumentAsync()
    {
        if (await Page.Locator("#documents").CountAsync() == 0)
        {
            await KeyboardOnly.TabToAsync(Page, "input[type=file]");
            // The file chooser is the operating system's; Playwright stands in for it.
            await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "school-report.pdf",
                MimeType = "application/pdf",
                Buffer = MinimalPdf(),
            });
            await KeyboardOnly.TabToAsync(Page, "#upload-form button");
            await PressEnterAndWaitForNextPageAsync();
            await Assertions.Expect(Page.Locator("#documents")).ToContainTextAsync("school-report.pdf");
            await Accessibility.AssertNoViolationsAsync(Page);
        }

        await KeyboardOnly.TabToAsync(Page, "#continue-form button");
        await PressEnterAndWaitForNextPageAsync();
    }

    /// <summary>Answers every field on the page with the keyboard, then saves.</summary>
    private async Task AnswerAsync()
    {
        var fields = await Page.Locator("main form input:not([type=hidden]), main form textarea").EvaluateAllAsync<JsonElement>(
            "els => els.map(e => ({ id: e.id, name: e.name, type: e.type, checked: e.checked, value: e.value }))");
        var groupsDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields.EnumerateArray())
        {
            var id = field.GetProperty("id").GetString()!;
            var name = field.GetProperty("name").GetString()!;
            var type = field.GetProperty("type").GetString()!;
            var selector = $"[id='{id}']";
            switch (type)
            {
                case "radio" or "checkbox":
                    if (!groupsDone.Add(name) || await Page.Locator($"input[name='{name}']:checked").CountAsync() > 0
                        || !await Page.Locator(selector).IsVisibleAsync())
                    {
                        break;
                    }

                    await KeyboardOnly.TabToAsync(Page, selector);
                    await Page.Keyboard.PressAsync("Space");
                    break;
                case "file":
                    break;
                default:
                    if (field.GetProperty("value").GetString() is { Length: > 0 } || !await Page.Locator(selector).IsVisibleAsync())
                    {
                        break;
                    }

                    await KeyboardOnly.TypeIntoAsync(Page, selector, AnswerFor(name, type));
                    break;
            }
        }

        var url = Page.Url;
        await SubmitAsync();
        if (await Page.Locator(".govuk-error-summary").CountAsync() > 0)
        {
            Assert.Fail($"The answers on {url} were refused: {await Page.Locator(".govuk-error-summary").InnerTextAsync()}");
        }
    }

    private static string AnswerFor(string name, string type) => name switch
    {
        _ when name.EndsWith(".Day", StringComparison.Ordinal) => "1",
        _ when name.EndsWith(".Month", StringComparison.Ordinal) => "9",
        _ when name.EndsWith(".Year", StringComparison.Ordinal) => name.Contains("Birth", StringComparison.Ordinal) ? "2015" : "2026",
        _ when name.Contains("Email", StringComparison.OrdinalIgnoreCase) || type == "email" => "helen.test@example.com",
        _ when name.Contains("Phone", StringComparison.OrdinalIgnoreCase) => "0113 496 0000",
        _ when name.Contains("Postcode", StringComparison.OrdinalIgnoreCase) => "LS1 4AP",
        _ when name.EndsWith("Urn", StringComparison.Ordinal) => "107915",
        _ when name.EndsWith("Cycles", StringComparison.Ordinal) => "3",
        _ when name.Contains("FirstName", StringComparison.OrdinalIgnoreCase) => "Sam",
        _ when name.Contains("LastName", StringComparison.OrdinalIgnoreCase) => "Test",
        _ => "Written with the keyboard alone in the browser test.",
    };

    /// <summary>The smallest well-formed PDF: the upload checks content, not just the name.</summary>
    private static byte[] MinimalPdf() => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
